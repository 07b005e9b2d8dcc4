'use server';

import { cookies } from 'next/headers';
import { signOut } from '@/server/auth/config';
import { WORKSPACE_COOKIE } from '@/server/trpc/context';

/** Ends the staff session. The workspace hint goes too, so the next person on this browser starts clean. */
export async function signOutAction(): Promise<void> {
  (await cookies()).delete(WORKSPACE_COOKIE);
  await signOut({ redirectTo: '/signin' });
}

import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { AppShell } from '@/components/layout/app-shell';
import { env } from '@/lib/env';
import { TRPCReactProvider } from '@/lib/trpc/client';
import { HydrateClient } from '@/server/trpc/rsc';
import { loadStaff } from './load-staff';
import { NoWorkspace } from './no-workspace';
import { signOutAction } from './sign-out';

/**
 * Everything staff pages share: a session (else off to sign in), a workspace (else the create page),
 * the tRPC client with the server's data hydrated, and the app shell.
 */
export async function StaffFrame({ callbackUrl, children }: { callbackUrl: string; children: ReactNode }) {
  const staff = await loadStaff();
  if (!staff) redirect(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  const host = new URL(env.APP_URL).host;

  return (
    <TRPCReactProvider>
      <HydrateClient>
        {staff.current ? (
          <AppShell user={staff.user} signOutAction={signOutAction}>
            {children}
          </AppShell>
        ) : (
          <NoWorkspace host={host} user={staff.user} signOutAction={signOutAction} />
        )}
      </HydrateClient>
    </TRPCReactProvider>
  );
}

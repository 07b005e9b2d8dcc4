import 'server-only';
import { redirect } from 'next/navigation';
import { loadStaff } from '../../_staff/load-staff';

/**
 * The signed-in agent's id, for "Me" in assignee pickers. Pages render alongside the layout, so they
 * send an anonymous visitor to sign in themselves rather than rely on the layout having done it.
 */
export async function currentUserId() {
  const staff = await loadStaff();
  if (!staff) redirect('/signin?callbackUrl=%2Fagent');
  return staff.user.id;
}

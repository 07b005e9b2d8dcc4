import { env } from '@/lib/env';
import { signTicketLink } from '@/server/auth/portal-session';

/** The URL notification emails carry: opens one ticket in the portal without an account. */
export async function ticketAccessUrl(link: {
  tenantId: string;
  workspaceSlug: string;
  customerId: string;
  ticketId: string;
}) {
  const token = await signTicketLink({ tenantId: link.tenantId, customerId: link.customerId, ticketId: link.ticketId });
  const url = new URL(`/${link.workspaceSlug}/portal/access`, env.APP_URL);
  url.searchParams.set('token', token);
  return url.toString();
}

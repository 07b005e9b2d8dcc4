import 'server-only';
import { verifyPortalLink } from '@/server/services/portal/portal-sign-in';
import { findWorkspaceBySlug } from '@/server/services/workspace/queries';
import { signPortalSession, verifyTicketLink } from './portal-session';

/**
 * The links a customer follows from an email, turned into portal sessions. Issuing a session is auth's
 * job: the route handlers under /[workspace]/portal only set the cookie and redirect.
 */

/** Spends a sign-in link (single use) and signs the full portal session it grants. */
export async function spendPortalSignInLink(slug: string, token: string) {
  const signedIn = await verifyPortalLink({ workspace: slug, token });
  const session = await signPortalSession({ tenantId: signedIn.tenantId, customerId: signedIn.customerId });
  return { slug: signedIn.slug, session };
}

/** A ticket link from a notification email, when it was issued by the workspace at this address. */
export async function openTicketLink(slug: string, token: string | null) {
  const link = await verifyTicketLink(token);
  if (!link) return null;
  // A link minted by another workspace (say, one that used this slug before) opens nothing here.
  const workspace = await findWorkspaceBySlug(slug);
  return workspace?.id === link.tenantId ? link : null;
}

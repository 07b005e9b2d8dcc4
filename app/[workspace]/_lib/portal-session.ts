import 'server-only';
import { cookies } from 'next/headers';
import { portalCookieName, verifyPortalSession, type PortalSession } from '@/server/auth/portal-session';
import type { PublicWorkspace } from '@/server/services/workspace/queries';

/**
 * The customer signed in to this workspace's portal, from its own cookie only. The staff (Auth.js)
 * session is deliberately not consulted: being an agent does not make someone a customer here.
 */
export async function readPortalSession(workspace: PublicWorkspace): Promise<PortalSession | null> {
  const jar = await cookies();
  const session = await verifyPortalSession(jar.get(portalCookieName(workspace.slug))?.value);
  // A token minted for another workspace (say, one that used this slug before) is no session here.
  return session?.tenantId === workspace.id ? session : null;
}

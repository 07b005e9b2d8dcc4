import { portalCookieName, signPortalSession, type PortalSession } from '@/server/auth/portal-session';

/** The Cookie header a browser signed in to a workspace's portal would send (full or link session). */
export async function portalCookieHeader(slug: string, session: PortalSession) {
  return `${portalCookieName(slug)}=${await signPortalSession(session)}`;
}

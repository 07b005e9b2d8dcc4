import { env } from '@/lib/env';
import { resolveClientIp } from '@/server/auth/client-ip';
import { portalCookieName, verifyPortalSession } from '@/server/auth/portal-session';
import { readStaffSession } from '@/server/auth/staff-session';
import { logger } from '@/server/log';
import { requestIdOf } from '@/server/request-id';
import { findWorkspaceBySlug } from '@/server/services/workspace/queries';
import { PORTAL_WORKSPACE_HEADER, VISITOR_COOKIE, WORKSPACE_COOKIE, type Context } from './context';

type CookieReader = (name: string) => string | undefined;

/** The portal session is read from the cookie of the workspace whose portal sent the request. */
async function readPortalSession(headers: Headers, readCookie: CookieReader) {
  const slug = headers.get(PORTAL_WORKSPACE_HEADER)?.toLowerCase();
  if (!slug || !/^[a-z0-9-]{1,40}$/.test(slug)) return null;
  const session = await verifyPortalSession(readCookie(portalCookieName(slug)));
  if (!session) return null;
  const workspace = await findWorkspaceBySlug(slug);
  return workspace?.id === session.tenantId ? session : null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Any client can send any value here: it only labels a reader, so anything but a uuid is ignored. */
const readVisitorId = (readCookie: CookieReader) => {
  const value = readCookie(VISITOR_COOKIE)?.toLowerCase();
  return value && UUID.test(value) ? value : null;
};

export async function createRequestContext(
  headers: Headers,
  readCookie: CookieReader,
  writeCookie: Context['setCookie'],
): Promise<Context> {
  // The session cookie decrypted directly (server/auth/staff-session.ts), not through auth(): most of the
  // per-request floor was Auth.js's full round for what is one JWE decryption.
  const session = await readStaffSession(readCookie);
  const requestId = requestIdOf(headers);
  return {
    userId: session?.userId ?? null,
    sessionVersion: session?.version ?? null,
    sessionId: session?.sessionId ?? null,
    preferredWorkspaceId: readCookie(WORKSPACE_COOKIE) ?? null,
    portal: await readPortalSession(headers, readCookie),
    ip: resolveClientIp(headers),
    visitorId: readVisitorId(readCookie),
    requestId,
    log: logger.child({ requestId }),
    setCookie: writeCookie,
  };
}

export function serializeCookie(
  name: string,
  value: string,
  options: { maxAge?: number; httpOnly?: boolean; sameSite?: 'lax' | 'strict'; path?: string } = {},
) {
  const parts = [
    `${name}=${encodeURIComponent(value)}`,
    `Path=${options.path ?? '/'}`,
    `SameSite=${options.sameSite === 'strict' ? 'Strict' : 'Lax'}`,
  ];
  if (options.httpOnly !== false) parts.push('HttpOnly');
  if (options.maxAge !== undefined) parts.push(`Max-Age=${options.maxAge}`);
  if (env.APP_URL.startsWith('https://')) parts.push('Secure');
  return parts.join('; ');
}

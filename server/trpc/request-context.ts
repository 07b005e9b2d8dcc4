import { env } from '@/lib/env';
import { auth } from '@/server/auth/config';
import { portalCookieName, verifyPortalSession } from '@/server/auth/portal-session';
import { logger } from '@/server/log';
import { requestIdOf } from '@/server/request-id';
import { findWorkspaceBySlug } from '@/server/services/workspace/queries';
import { PORTAL_WORKSPACE_HEADER, WORKSPACE_COOKIE, type Context } from './context';

type CookieReader = (name: string) => string | undefined;

function clientIp(headers: Headers) {
  return headers.get('x-forwarded-for')?.split(',')[0]?.trim() || headers.get('x-real-ip') || 'local';
}

/** The portal session is read from the cookie of the workspace whose portal sent the request. */
async function readPortalSession(headers: Headers, readCookie: CookieReader) {
  const slug = headers.get(PORTAL_WORKSPACE_HEADER)?.toLowerCase();
  if (!slug || !/^[a-z0-9-]{1,40}$/.test(slug)) return null;
  const session = await verifyPortalSession(readCookie(portalCookieName(slug)));
  if (!session) return null;
  const workspace = await findWorkspaceBySlug(slug);
  return workspace?.id === session.tenantId ? session : null;
}

export async function createRequestContext(headers: Headers, readCookie: CookieReader, writeCookie: Context['setCookie']): Promise<Context> {
  const session = await auth();
  const requestId = requestIdOf(headers);
  return {
    userId: session?.user?.id ?? null,
    preferredWorkspaceId: readCookie(WORKSPACE_COOKIE) ?? null,
    portal: await readPortalSession(headers, readCookie),
    ip: clientIp(headers),
    requestId,
    log: logger.child({ requestId }),
    setCookie: writeCookie,
  };
}

export function serializeCookie(name: string, value: string, options: { maxAge?: number; httpOnly?: boolean; sameSite?: 'lax' | 'strict'; path?: string } = {}) {
  const parts = [`${name}=${encodeURIComponent(value)}`, `Path=${options.path ?? '/'}`, `SameSite=${options.sameSite === 'strict' ? 'Strict' : 'Lax'}`];
  if (options.httpOnly !== false) parts.push('HttpOnly');
  if (options.maxAge !== undefined) parts.push(`Max-Age=${options.maxAge}`);
  if (env.APP_URL.startsWith('https://')) parts.push('Secure');
  return parts.join('; ');
}

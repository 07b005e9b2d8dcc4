import { env } from '@/lib/env';
import { resolveClientIp } from '@/server/auth/client-ip';
import { readVisitorId, resolveCaller, type CookieReader } from '@/server/auth/resolve-caller';
import { logger } from '@/server/log';
import { requestIdOf } from '@/server/request-id';
import type { Context } from './context';

export async function createRequestContext(
  headers: Headers,
  readCookie: CookieReader,
  writeCookie: Context['setCookie'],
  /** For server components of a portal or help page: the workspace whose portal session speaks. */
  portal?: string,
): Promise<Context> {
  const requestId = requestIdOf(headers);
  return {
    caller: await resolveCaller({ headers, readCookie, portal }),
    ip: resolveClientIp(headers),
    // Kept for every caller, not only visitors: a signed-in reader's help votes are labelled by it too.
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

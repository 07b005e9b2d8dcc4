import { sql } from 'drizzle-orm';
import { env } from '@/lib/env';
import { normalizeHost } from '@/lib/utils/domain-rewrite';
import { runWithoutTenant } from '@/server/db/tenant';
import { logError } from '@/server/errors';

/**
 * Cross-site request forgery: the one decision, made in proxy.ts for every request that can change
 * something (tRPC mutations, uploads, portal sign-out, server actions, Auth.js posts). SameSite=Lax
 * cookies alone still let a sibling subdomain post, and are one browser setting away from nothing.
 *
 * A browser names the page that sent a request in `Origin` (and `Sec-Fetch-Site`). Accepted: the app's
 * own origin (APP_URL) and a workspace's verified custom domain posting to itself. A request carrying
 * neither header does not come from a browser (mail webhooks, curl) and cannot ride a victim's cookies.
 */
export type OriginVerdict = { allowed: true } | { allowed: false; message: string };

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const appOrigin = () => new URL(env.APP_URL).origin;

const VERIFIED_TTL_MS = 60_000;
const MAX_CACHED = 5_000;
const verifiedDomains = new Map<string, { verified: boolean; expiresAt: number }>();

/** Whether a workspace proved it owns `host`; cached for a minute (the header is chosen by the client). */
async function isVerifiedCustomDomain(host: string): Promise<boolean> {
  const hit = verifiedDomains.get(host);
  if (hit && hit.expiresAt > Date.now()) return hit.verified;
  try {
    const result = await runWithoutTenant((tx) =>
      tx.execute<{ verified: boolean }>(sql`select cairn_domain_is_verified(${host}) as verified`),
    );
    const verified = Boolean(result.rows[0]?.verified);
    if (verifiedDomains.size >= MAX_CACHED) verifiedDomains.delete(verifiedDomains.keys().next().value!);
    verifiedDomains.set(host, { verified, expiresAt: Date.now() + VERIFIED_TTL_MS });
    return verified;
  } catch (error) {
    // Refusing is the safe answer when we cannot tell; not cached, so the next request asks again.
    logError({ where: 'isVerifiedCustomDomain', error });
    return false;
  }
}

const refused = (from: string): OriginVerdict => ({
  allowed: false,
  message: `Refused: this request was sent by another site (${from}). Changes are accepted only from Cairn's own pages. Open the page on this site and try again.`,
});

async function isAllowedOrigin(origin: string, requestHost: string): Promise<boolean> {
  if (origin === appOrigin()) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  // A custom domain may post only to itself, never to the app host or another workspace's domain.
  const host = normalizeHost(url.host);
  if (url.protocol !== new URL(env.APP_URL).protocol || url.origin !== origin || host !== normalizeHost(requestHost))
    return false;
  return isVerifiedCustomDomain(host);
}

export async function checkRequestOrigin(request: { method: string; headers: Headers }): Promise<OriginVerdict> {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return { allowed: true };
  const origin = request.headers.get('origin');
  const requestHost =
    request.headers.get('x-forwarded-host')?.split(',')[0]?.trim() ?? request.headers.get('host') ?? '';
  if (origin)
    return (await isAllowedOrigin(origin, requestHost))
      ? { allowed: true }
      : refused(origin === 'null' ? 'an opaque origin' : origin);
  // Old browsers omit Origin on some requests; Sec-Fetch-Site still says whether the page was ours.
  const site = request.headers.get('sec-fetch-site');
  if (!site || site === 'same-origin' || site === 'none') return { allowed: true };
  return refused(`a ${site} page`);
}

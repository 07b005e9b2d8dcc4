import { NextResponse, type NextRequest } from 'next/server';
import { env } from '@/lib/env';
import { HSTS_HEADER, isEmbedPath, newNonce, pageContentSecurityPolicy } from '@/lib/security/headers';
import { CUSTOM_DOMAIN_HEADER, needsDomainLookup, normalizeHost, rewriteForDomain } from '@/lib/utils/domain-rewrite';
import { checkRequestOrigin } from '@/server/auth/request-origin';
import { resolveWorkspaceSlugByHost } from '@/server/services/workspace/resolve-host';
import { widgetAllowedOrigins } from '@/server/services/widget/allowed-origins';

const appHost = new URL(env.APP_URL).host;
const analyticsOrigin = env.NEXT_PUBLIC_POSTHOG_HOST ? new URL(env.NEXT_PUBLIC_POSTHOG_HOST).origin : null;

/**
 * `/embed/{workspace}` is the one page that may be framed, by that workspace's allowed origins only (Admin →
 * Widget); a workspace with none, or an unknown one, may be framed by nobody.
 */
async function embedFrameAncestors(request: NextRequest): Promise<string[]> {
  const slug = request.nextUrl.pathname.split('/')[2]?.toLowerCase() ?? '';
  const origins = slug ? await widgetAllowedOrigins(slug) : [];
  return origins.length ? origins : ["'none'"];
}

const servedOverHttps = (request: NextRequest) =>
  (request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() ?? request.nextUrl.protocol.replace(':', '')) ===
  'https';

/**
 * Every request that can change something is checked for its origin first (CSRF, one decision in
 * request-origin.ts); API routes end there. Pages then get a per-request CSP nonce and, on custom
 * domains, their rewrite: help.acme.com/ serves /acme/help, help.acme.com/portal serves /acme/portal.
 * Runs on the Node.js runtime (Next 16's default for proxy), so it can query the database directly;
 * lookups are cached for a minute.
 */
export async function proxy(request: NextRequest) {
  const verdict = await checkRequestOrigin(request);
  if (!verdict.allowed) return NextResponse.json({ error: verdict.message }, { status: 403 });

  const { pathname } = request.nextUrl;
  if (pathname === '/api' || pathname.startsWith('/api/')) return NextResponse.next();

  // Only the proxy may say a request came through a custom domain.
  const headers = new Headers(request.headers);
  headers.delete(CUSTOM_DOMAIN_HEADER);

  const https = servedOverHttps(request);
  const nonce = newNonce();
  const policy = pageContentSecurityPolicy({
    nonce,
    frameAncestors: isEmbedPath(pathname) ? await embedFrameAncestors(request) : ["'none'"],
    https,
    development: env.NODE_ENV === 'development',
    analyticsOrigin,
  });
  // Next takes the nonce for its own scripts from the request's policy; x-nonce is for our own <Script>s.
  headers.set('content-security-policy', policy);
  headers.set('x-nonce', nonce);

  const host = request.headers.get('x-forwarded-host')?.split(',')[0] ?? request.headers.get('host') ?? '';
  const slug = needsDomainLookup(host, appHost, pathname)
    ? await resolveWorkspaceSlugByHost(normalizeHost(host))
    : null;
  const target = slug ? rewriteForDomain(host, appHost, pathname, slug) : null;
  let response: NextResponse;
  if (slug && target) {
    const url = request.nextUrl.clone();
    url.pathname = target;
    headers.set(CUSTOM_DOMAIN_HEADER, slug);
    response = NextResponse.rewrite(url, { request: { headers } });
  } else {
    response = NextResponse.next({ request: { headers } });
  }
  response.headers.set('Content-Security-Policy', policy);
  if (https) response.headers.set(HSTS_HEADER.key, HSTS_HEADER.value);
  return response;
}

export const config = {
  // API routes (their dots are procedure names, not file extensions) for the origin check; pages for
  // the policy and custom domains. Build assets and files are skipped; rewriteForDomain checks again.
  matcher: ['/api/:path*', '/((?!api/|_next/|.*\\.[^/]+$).*)'],
};

import { NextResponse, type NextRequest } from 'next/server';
import { env } from '@/lib/env';
import { CUSTOM_DOMAIN_HEADER, needsDomainLookup, normalizeHost, rewriteForDomain } from '@/lib/utils/domain-rewrite';
import { resolveWorkspaceSlugByHost } from '@/server/services/workspace/resolve-host';

const appHost = new URL(env.APP_URL).host;

/**
 * Custom domains: help.acme.com/ serves /acme/help, help.acme.com/portal serves /acme/portal. Runs on
 * the Node.js runtime (Next 16's default for proxy), so it can query the database directly; the lookup
 * is cached for a minute in resolve-host.ts.
 */
export async function proxy(request: NextRequest) {
  // Only the proxy may say a request came through a custom domain.
  const headers = new Headers(request.headers);
  headers.delete(CUSTOM_DOMAIN_HEADER);

  const host = request.headers.get('x-forwarded-host')?.split(',')[0] ?? request.headers.get('host') ?? '';
  const { pathname } = request.nextUrl;
  if (!needsDomainLookup(host, appHost, pathname)) return NextResponse.next({ request: { headers } });

  const slug = await resolveWorkspaceSlugByHost(normalizeHost(host));
  const target = slug ? rewriteForDomain(host, appHost, pathname, slug) : null;
  if (!slug || !target) return NextResponse.next({ request: { headers } });

  const url = request.nextUrl.clone();
  url.pathname = target;
  headers.set(CUSTOM_DOMAIN_HEADER, slug);
  return NextResponse.rewrite(url, { request: { headers } });
}

export const config = {
  // Skip API routes, build assets and anything with a file extension; rewriteForDomain checks again.
  matcher: ['/((?!api/|_next/|.*\\.[^/]+$).*)'],
};

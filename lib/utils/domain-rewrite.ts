/**
 * Custom-domain routing, kept pure so it can be unit tested: a workspace's own host name
 * (help.acme.com) serves its help center and portal without the `/{slug}` prefix.
 */

/** Hosts that always mean "the app itself", whatever APP_URL says. */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** Path prefixes a custom domain serves; everything else on that host is left to the app. */
const CUSTOMER_SECTIONS = ['help', 'portal'] as const;

/** Lower-case host name without port or trailing dot: `Help.Acme.com.:443` → `help.acme.com`. */
export function normalizeHost(host: string | null | undefined): string {
  if (!host) return '';
  let name = host.trim().toLowerCase();
  if (name.startsWith('[')) {
    // IPv6 literal: keep the brackets, drop the port after them.
    const end = name.indexOf(']');
    return end === -1 ? name : name.slice(0, end + 1);
  }
  const colon = name.indexOf(':');
  if (colon !== -1) name = name.slice(0, colon);
  return name.endsWith('.') ? name.slice(0, -1) : name;
}

/** True for the app's own host (from APP_URL) and for loopback addresses. */
export function isAppHost(host: string, appHost: string): boolean {
  const name = normalizeHost(host);
  return name === '' || LOOPBACK_HOSTS.has(name) || name === normalizeHost(appHost);
}

/** Framework internals, API routes and anything that looks like a file are never rewritten. */
function isPassThroughPath(pathname: string): boolean {
  if (pathname === '/_next' || pathname.startsWith('/_next/')) return true;
  if (pathname === '/api' || pathname.startsWith('/api/')) return true;
  const lastSegment = pathname.slice(pathname.lastIndexOf('/') + 1);
  return lastSegment.includes('.');
}

/** The part of the path a custom domain maps into the workspace, or null when it maps nothing. */
function customerPath(pathname: string): string | null {
  if (pathname === '/' || pathname === '') return '/help';
  if (isPassThroughPath(pathname)) return null;
  const section = CUSTOMER_SECTIONS.find((s) => pathname === `/${s}` || pathname.startsWith(`/${s}/`));
  return section ? pathname : null;
}

/**
 * Whether a request could be rewritten, before paying for the domain lookup: a foreign host and a
 * path the custom domain serves.
 */
export function needsDomainLookup(host: string, appHost: string, pathname: string): boolean {
  return !isAppHost(host, appHost) && customerPath(pathname) !== null;
}

/**
 * The internal path for a request that reached a workspace's custom domain, or null to leave it alone.
 * `/` → `/{slug}/help`, `/help/...` → `/{slug}/help/...`, `/portal/...` → `/{slug}/portal/...`.
 */
export function rewriteForDomain(host: string, appHost: string, pathname: string, slug: string): string | null {
  if (!slug || isAppHost(host, appHost)) return null;
  const path = customerPath(pathname);
  return path === null ? null : `/${slug}${path}`;
}

/**
 * Set by the proxy on rewritten requests (value: the workspace slug) so pages can print links without
 * the `/{slug}` prefix. The proxy strips any copy the client sends.
 */
export const CUSTOM_DOMAIN_HEADER = 'x-cairn-custom-domain';

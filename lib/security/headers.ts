/**
 * Browser-facing security headers, pure so next.config.ts, proxy.ts and tests share them.
 *
 * Static headers (every response, set in next.config.ts) and the per-request Content-Security-Policy
 * (pages only, set in proxy.ts with a fresh nonce: Next reads the nonce from the request's policy and
 * stamps it on its own inline scripts).
 */

export const STATIC_SECURITY_HEADERS = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  // Full URLs (sign-in and ticket links carry tokens) never leave the site; other sites see the origin only.
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  {
    key: 'Permissions-Policy',
    value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()',
  },
] as const;

/** Old browsers without CSP frame-ancestors; the widget panel (/embed/...) sets its own policy instead. */
export const NO_FRAMING_HEADER = { key: 'X-Frame-Options', value: 'DENY' } as const;

/** A downloaded attachment opened in the browser anyway must never run as a page of our origin. */
export const ATTACHMENT_CSP = "default-src 'none'; sandbox";

/** Served over https: a year, then the browser refuses plain http for this host. */
export const HSTS_HEADER = { key: 'Strict-Transport-Security', value: 'max-age=31536000; includeSubDomains' } as const;

/** The one page that may be framed will be the widget panel, by the workspace's allowed origins only. */
export const isEmbedPath = (pathname: string) => pathname === '/embed' || pathname.startsWith('/embed/');

export type PagePolicyOptions = {
  nonce: string;
  /** Sources allowed to frame the page: `'none'` everywhere except the widget panel. */
  frameAncestors: readonly string[];
  https: boolean;
  development: boolean;
  /** PostHog's API host when analytics is on. */
  analyticsOrigin?: string | null;
};

export function pageContentSecurityPolicy(options: PagePolicyOptions): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    // strict-dynamic: scripts Next's nonced scripts load (chunks, analytics) run; nothing else does.
    // React's development build needs eval for its debugging aids.
    'script-src': [
      "'self'",
      `'nonce-${options.nonce}'`,
      "'strict-dynamic'",
      ...(options.development ? ["'unsafe-eval'"] : []),
    ],
    // Inline style attributes (brand colours, Radix positioning) need unsafe-inline; a nonce here would
    // switch it off. Styles cannot run code.
    'style-src': ["'self'", "'unsafe-inline'"],
    // Workspace logos are any https URL.
    'img-src': ["'self'", 'data:', 'blob:', 'https:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': [
      "'self'",
      ...(options.analyticsOrigin ? [options.analyticsOrigin] : []),
      ...(options.development ? ['ws:'] : []),
    ],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': [...options.frameAncestors],
  };
  const parts = Object.entries(directives).map(([name, values]) => `${name} ${values.join(' ')}`);
  if (options.https) parts.push('upgrade-insecure-requests');
  return parts.join('; ');
}

/** 128 random bits, base64: unguessable and fresh for every page request. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

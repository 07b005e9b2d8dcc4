const ORIGIN = 'http://cairn.invalid';

/**
 * The callback URL if it is a path on this site, else the fallback. Blocks open redirects such as
 * `//evil.test`, `/\evil.test` or `https://evil.test` that a crafted sign-in link could carry.
 */
export function safeCallbackUrl(value: unknown, fallback = '/agent'): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\'))
    return fallback;
  try {
    const url = new URL(value, ORIGIN);
    if (url.origin !== ORIGIN) return fallback;
    // Never bounce back into the sign-in pages themselves.
    if (/^\/(signin|signup)(\/|$)/.test(url.pathname)) return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}

import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import nextConfig from '@/next.config';
import { env } from '@/lib/env';
import { proxy } from '@/proxy';

// Hole 7: pages had no Content-Security-Policy, could be framed (clickjacking), and lacked
// Referrer-Policy, nosniff, Permissions-Policy and HSTS.

const page = (path: string, headers: Record<string, string> = {}) =>
  proxy(new NextRequest(new URL(path, env.APP_URL), { headers }));
const directive = (policy: string, name: string) =>
  policy
    .split(';')
    .map((d) => d.trim())
    .find((d) => d.startsWith(`${name} `));

describe('page Content-Security-Policy (proxy.ts)', () => {
  it('sets a nonce-based script policy that forbids framing', async () => {
    const res = await page('/signin');
    const policy = res.headers.get('content-security-policy') ?? '';
    expect(directive(policy, 'script-src')).toMatch(/'nonce-[A-Za-z0-9+/=]{22,}' 'strict-dynamic'/);
    expect(directive(policy, 'script-src')).not.toContain("'unsafe-inline'");
    expect(directive(policy, 'frame-ancestors')).toBe("frame-ancestors 'none'");
    expect(directive(policy, 'object-src')).toBe("object-src 'none'");
    expect(directive(policy, 'base-uri')).toBe("base-uri 'self'");
  });

  it('hands the same policy to Next on the request, so its inline scripts carry the nonce', async () => {
    const res = await page('/signin');
    // NextResponse.next({ request: { headers } }) forwards overridden request headers this way.
    expect(res.headers.get('x-middleware-request-content-security-policy')).toBe(
      res.headers.get('content-security-policy'),
    );
    const nonce = /'nonce-([^']+)'/.exec(res.headers.get('content-security-policy') ?? '')?.[1];
    expect(res.headers.get('x-middleware-request-x-nonce')).toBe(nonce);
  });

  it('draws a fresh nonce for every request and ignores one the client sends', async () => {
    const first = await page('/signin', { 'x-nonce': 'chosen-by-attacker' });
    const second = await page('/signin');
    const nonceOf = (r: Response) => /'nonce-([^']+)'/.exec(r.headers.get('content-security-policy') ?? '')?.[1];
    expect(nonceOf(first)).not.toBe(nonceOf(second));
    expect(first.headers.get('x-middleware-request-x-nonce')).not.toBe('chosen-by-attacker');
  });

  it('sends HSTS over https only', async () => {
    expect((await page('/signin', { 'x-forwarded-proto': 'https' })).headers.get('strict-transport-security')).toMatch(
      /max-age=\d{7,}/,
    );
    expect(
      (await page('/signin', { 'x-forwarded-proto': 'http' })).headers.get('strict-transport-security'),
    ).toBeNull();
  });
});

describe('headers on every response (next.config.ts)', () => {
  const rules = () => nextConfig.headers!();
  const headersFor = async (path: string) => {
    const found = new Map<string, string>();
    for (const rule of await rules()) {
      // The same matching Next does for these simple sources.
      const pattern =
        rule.source === '/:path*'
          ? /^\//
          : rule.source === '/((?!embed).*)'
            ? /^\/(?!embed)/
            : new RegExp(`^${rule.source.replace('/:path*', '(/.*)?')}$`);
      if (pattern.test(path)) for (const h of rule.headers) found.set(h.key.toLowerCase(), h.value);
    }
    return found;
  };

  it('forbid sniffing, leak no full URLs, switch off powerful features and framing', async () => {
    const h = await headersFor('/acme/help');
    expect(h.get('x-content-type-options')).toBe('nosniff');
    expect(h.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(h.get('permissions-policy')).toContain('camera=()');
    expect(h.get('x-frame-options')).toBe('DENY');
  });

  it('leave framing of the future widget panel to its own hook', async () => {
    expect((await headersFor('/embed/acme')).get('x-frame-options')).toBeUndefined();
  });

  it('sandbox attachment downloads', async () => {
    expect((await headersFor('/api/attachments/123')).get('content-security-policy')).toBe(
      "default-src 'none'; sandbox",
    );
  });
});

import { describe, expect, it } from 'vitest';
import { resolveClientIp } from '@/server/auth/client-ip';
import { PEER_ADDRESS_HEADER } from '@/server/auth/peer-address';
import { newBrowser, postCredentials, randomPeer } from '../helpers/auth-http';
import { uniqueEmail } from '../helpers/factories';

// Issue 9, hole 2: rate limits keyed on the leftmost X-Forwarded-For, which any client writes, so a fresh
// made-up address per request escaped every per-IP limit. The client is now the socket peer, or, behind
// TRUSTED_PROXIES, the first untrusted address read from the right.

const headers = (peer: string | null, forwardedFor?: string) =>
  new Headers({
    ...(peer ? { [PEER_ADDRESS_HEADER]: peer } : {}),
    ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
  });

describe('who the client is', () => {
  it('a forged X-Forwarded-For per request does not escape the per-IP sign-in limit', async () => {
    const peer = randomPeer();
    const outcomes = [];
    for (let i = 0; i < 30; i++) {
      const forged = `${(i % 200) + 1}.${i + 7}.0.${i + 1}`;
      outcomes.push(
        await postCredentials(
          newBrowser({ peer, headers: { 'x-forwarded-for': forged, 'x-real-ip': forged } }),
          uniqueEmail('victim'),
          'password123',
        ),
      );
    }
    expect(outcomes.slice(21).every((o) => o.code?.startsWith('too_many_attempts:'))).toBe(true);
  });

  it('without trusted proxies, the socket peer is the client and X-Forwarded-For is ignored', () => {
    expect(resolveClientIp(headers('203.0.113.9', '1.2.3.4'), [])).toBe('203.0.113.9');
    expect(resolveClientIp(headers('::ffff:203.0.113.9'), [])).toBe('203.0.113.9');
  });

  it('behind trusted proxies, walks X-Forwarded-For from the right past them and ignores what the client prepended', () => {
    const proxies = ['10.0.0.0/8', '192.0.2.1'];
    // client 198.51.100.4 forged "1.2.3.4"; the edge proxy 192.0.2.1 appended what it saw, then 10.1.2.3 did.
    expect(resolveClientIp(headers('10.1.2.3', '1.2.3.4, 198.51.100.4, 192.0.2.1'), proxies)).toBe('198.51.100.4');
    // A request straight from the internet to the app (not via a proxy) cannot claim anything.
    expect(resolveClientIp(headers('198.51.100.77', '10.9.9.9'), proxies)).toBe('198.51.100.77');
    // Text that is not an address was written by the client: the last proxy's word stands.
    expect(resolveClientIp(headers('10.1.2.3', 'evil, 192.0.2.1'), proxies)).toBe('192.0.2.1');
    expect(resolveClientIp(headers('10.1.2.3', ' [2001:db8::1] , 192.0.2.1'), proxies)).toBe('2001:db8::1');
  });

  it('a request without a stamped peer is one shared "unknown" client, never a header the client chose', () => {
    expect(resolveClientIp(headers(null, '1.2.3.4'), [])).toBe('unknown');
    expect(resolveClientIp(headers('not-an-ip', '1.2.3.4'), ['10.0.0.0/8'])).toBe('unknown');
  });
});

import ipaddr from 'ipaddr.js';
import { env } from '@/lib/env';
import { PEER_ADDRESS_HEADER } from './peer-address';

/** Requests that did not come through scripts/serve-web.ts (tests without a peer, a bare `next start`). */
export const UNKNOWN_CLIENT_IP = 'unknown';

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

function parseRanges(entries: readonly string[]): Range[] {
  return entries.map((entry) => {
    if (ipaddr.isValidCIDR(entry)) return ipaddr.parseCIDR(entry);
    const address = ipaddr.process(entry);
    return [address, address.kind() === 'ipv4' ? 32 : 128];
  });
}

let configuredRanges: Range[] | undefined;

/** The canonical text of an address (IPv4-mapped IPv6 as IPv4), or null when it is not an address. */
function canonical(value: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  const trimmed = value.trim().replace(/^\[(.*)\]$/, '$1');
  return ipaddr.isValid(trimmed) ? ipaddr.process(trimmed) : null;
}

function isTrusted(address: ipaddr.IPv4 | ipaddr.IPv6, ranges: Range[]) {
  return ranges.some(([range, bits]) => range.kind() === address.kind() && address.match(range, bits));
}

/**
 * The one answer to "which address is this client": the socket peer, or, when the peer is a trusted proxy,
 * the first address in X-Forwarded-For that is not a trusted proxy, read from the right. Each proxy appends
 * the address it saw, so entries left of the first untrusted one were written by the client and prove
 * nothing; the leftmost entry is never believed. Every rate limiter keys on this.
 */
export function resolveClientIp(headers: Headers, trustedProxies: readonly string[] = env.TRUSTED_PROXIES): string {
  const ranges =
    trustedProxies === env.TRUSTED_PROXIES
      ? (configuredRanges ??= parseRanges(trustedProxies))
      : parseRanges(trustedProxies);
  const peer = canonical(headers.get(PEER_ADDRESS_HEADER) ?? '');
  if (!peer) return UNKNOWN_CLIENT_IP;
  if (!isTrusted(peer, ranges)) return peer.toString();
  let client = peer;
  const hops = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean);
  for (const hop of hops.reverse()) {
    const address = canonical(hop);
    // Trusted proxies append real addresses: anything else was written by the client, so stop at the
    // last address a trusted proxy vouched for rather than key on text the client chose.
    if (!address) break;
    client = address;
    if (!isTrusted(address, ranges)) break;
  }
  return client.toString();
}

import dns from 'node:dns';
import net from 'node:net';
import ipaddr from 'ipaddr.js';
import { env } from '@/lib/env';

/**
 * The one gate for every outbound connection a workspace configures (its SMTP server now; IMAP and webhooks
 * later). A tenant must not be able to make Cairn connect into the network it runs in: loopback, private,
 * link-local (cloud metadata at 169.254.169.254), unique-local, CGNAT, multicast, unspecified and every other
 * non-public range are refused, for IPv4 and IPv6 alike (IPv4-mapped IPv6 is judged as the IPv4 it maps).
 *
 * The check runs on the resolved addresses, and the caller connects to the address that was checked (never
 * to the name again): a DNS answer that changes between check and connect (rebinding) cannot slip through.
 * An operator may open internal hosts on purpose with OUTBOUND_ALLOWED_HOSTS.
 */

export type OutboundAddress = { host: string; address: string; family: 4 | 6 };

/** Why a target was refused. Both say the same to the tenant, so the answer maps nothing internal. */
export type OutboundRefusal = 'not-found' | 'not-public';

export class OutboundRefused extends Error {
  constructor(
    readonly reason: OutboundRefusal,
    readonly host: string,
  ) {
    super(`Could not find a public internet address for ${host}. Check the host name.`);
    this.name = 'OutboundRefused';
  }
}

/** Cloud metadata endpoints, named so no range change in ipaddr.js could ever let them through. */
const METADATA_ADDRESSES = new Set(['169.254.169.254', '169.254.170.2', '100.100.100.200', 'fd00:ec2::254']);

type Cidr = [ipaddr.IPv4 | ipaddr.IPv6, number];
export type AllowList = { names: Set<string>; cidrs: Cidr[] };

/** Judges IPv4-mapped IPv6 (::ffff:127.0.0.1) as the IPv4 address it is. */
function normalize(address: string) {
  const parsed = ipaddr.parse(address);
  return parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()
    ? (parsed as ipaddr.IPv6).toIPv4Address()
    : parsed;
}

/** True for an address on the public internet: ipaddr.js names every special range, public is `unicast`. */
export function isPublicAddress(address: string) {
  const parsed = normalize(address);
  return (
    parsed.range() === 'unicast' &&
    !METADATA_ADDRESSES.has(parsed.toNormalizedString()) &&
    !METADATA_ADDRESSES.has(parsed.toString())
  );
}

export function parseAllowList(value: string | undefined): AllowList {
  const list: AllowList = { names: new Set(), cidrs: [] };
  for (const raw of (value ?? '').split(',')) {
    const entry = raw
      .trim()
      .toLowerCase()
      .replace(/^\[|\]$/g, '');
    if (!entry) continue;
    if (entry.includes('/')) {
      if (!ipaddr.isValidCIDR(entry))
        throw new Error(`OUTBOUND_ALLOWED_HOSTS: "${entry}" is not a valid CIDR such as 10.0.0.0/8 or fd00::/8.`);
      let [range, bits] = ipaddr.parseCIDR(entry);
      if (range.kind() === 'ipv6' && (range as ipaddr.IPv6).isIPv4MappedAddress() && bits >= 96)
        [range, bits] = [(range as ipaddr.IPv6).toIPv4Address(), bits - 96];
      list.cidrs.push([range, bits]);
    } else if (ipaddr.isValid(entry)) {
      const address = normalize(entry);
      list.cidrs.push([address, address.kind() === 'ipv4' ? 32 : 128]);
    } else {
      list.names.add(entry.replace(/\.$/, ''));
    }
  }
  return list;
}

let operatorAllowList: AllowList | undefined;
function defaultAllowList() {
  return (operatorAllowList ??= parseAllowList(env.OUTBOUND_ALLOWED_HOSTS));
}

function inAllowList(address: string, allow: AllowList) {
  const parsed = normalize(address);
  return allow.cidrs.some(([range, bits]) => range.kind() === parsed.kind() && parsed.match(range, bits));
}

export type Lookup = (host: string) => Promise<Array<{ address: string; family: number }>>;
const systemLookup: Lookup = (host) => dns.promises.lookup(host, { all: true, verbatim: true });

const NOT_FOUND_CODES = new Set([
  'ENOTFOUND',
  'ENODATA',
  'EAI_NONAME',
  'EAI_NODATA',
  'EAI_FAIL',
  'ESERVFAIL',
  'ETIMEOUT',
  'EAI_AGAIN',
]);

/**
 * Resolves a tenant-configured host and returns the one address to connect to, or throws OutboundRefused.
 * Every address the name resolves to must pass: a name that mixes a public and a private answer is refused,
 * so which one the connection picks cannot matter.
 */
export async function resolveOutboundAddress(
  hostInput: string,
  options: { allow?: AllowList; lookup?: Lookup } = {},
): Promise<OutboundAddress> {
  const allow = options.allow ?? defaultAllowList();
  const host = hostInput
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
  const nameAllowed = allow.names.has(host);
  let answers: Array<{ address: string; family: number }>;
  if (net.isIP(host)) {
    answers = [{ address: host, family: net.isIP(host) }];
  } else {
    try {
      answers = await (options.lookup ?? systemLookup)(host);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (NOT_FOUND_CODES.has(code)) throw new OutboundRefused('not-found', host);
      throw error;
    }
    if (answers.length === 0) throw new OutboundRefused('not-found', host);
  }
  for (const answer of answers) {
    if (!ipaddr.isValid(answer.address)) throw new OutboundRefused('not-public', host);
    if (!nameAllowed && !isPublicAddress(answer.address) && !inAllowList(answer.address, allow))
      throw new OutboundRefused('not-public', host);
  }
  const first = answers[0]!;
  return { host, address: first.address, family: first.family === 6 ? 6 : 4 };
}

/**
 * Options that make a TLS client check the certificate against the name the tenant typed while the socket
 * goes to the checked address. SNI carries names only, so an IP literal sends none.
 */
export function tlsServerName(target: OutboundAddress) {
  return net.isIP(target.host) ? {} : { servername: target.host };
}

import { createHash } from 'node:crypto';
import ipaddr from 'ipaddr.js';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { Redis } from 'ioredis';
import { env } from '@/lib/env';
import { AppError } from '@/server/errors';

// Fixed limits per key: mail bombing through links, and sign-up spam.
const LIMITS = {
  magicLink: { points: 5, duration: 15 * 60 },
  signUp: { points: 10, duration: 60 * 60 },
  // Help-center votes: a reader rarely rates more than a few articles an hour; an office behind one
  // address gets more room. Beyond either limit a vote is refused with 429.
  articleVoteByVisitor: { points: 20, duration: 60 * 60 },
  articleVoteByIp: { points: 60, duration: 60 * 60 },
  // Views: one per reader and article a day counts, and at most this many per address an hour; extra
  // views are not counted (the reader is not told: the count is a statistic, not an action).
  articleViewOnce: { points: 1, duration: 24 * 60 * 60 },
  articleViewByIp: { points: 300, duration: 60 * 60 },
  // Staff sign-in links, per address (one inbox) and per IP (one sender trying many inboxes).
  signInLinkPerAddress: { points: 5, duration: 15 * 60 },
  signInLinkPerIp: { points: 20, duration: 15 * 60 },
  // Raw mail posted to /api/inbound/{workspace}, per sending address and workspace, counted before the secret
  // is checked (so guessing it is slow too). A mail server relays in bursts: room for 600 a minute.
  inboundPerSource: { points: 600, duration: 60 },
  // Requests filed through the support widget: a person files a few an hour; a workspace's whole audience
  // a few thousand. Replies from the panel count per address too. The loader's config per address.
  widgetRequestPerIp: { points: 10, duration: 60 * 60 },
  widgetRequestPerWorkspace: { points: 2_000, duration: 60 * 60 },
  widgetReplyPerIp: { points: 60, duration: 60 * 60 },
  widgetConfigPerIp: { points: 600, duration: 60 },
  // Satisfaction survey links (public, no sign-in): a customer opens, rates and edits a few times; an
  // office behind one address rates many requests. Enough for people, too little to probe tokens.
  csatLinkPerIp: { points: 120, duration: 15 * 60 },
  csatLinkPerToken: { points: 30, duration: 15 * 60 },
  // Requests filed from the portal by visitors who are not signed in: a person files one or two; an office
  // behind one address a few more. Per address so nobody's inbox is filled with confirmations.
  guestRequestPerIp: { points: 10, duration: 60 * 60 },
  guestRequestPerAddress: { points: 5, duration: 60 * 60 },
  // Support-session facts (views, searches) reported by browsers for deflection: past this many an hour per
  // address they are dropped quietly, as views are (a statistic, not an action).
  supportActivityByIp: { points: 600, duration: 60 * 60 },
} as const;
export type LimitName = keyof typeof LIMITS;

let redis: Redis | undefined;
const limiters = new Map<string, RateLimiterAbstract>();

/**
 * One limiter per purpose: in Redis when REDIS_URL is set, so every web replica shares the count, else in
 * this process's memory. If Redis is unreachable the Redis one falls back to memory rather than failing.
 */
export function sharedLimiter(name: string, opts: { points: number; duration: number }): RateLimiterAbstract {
  let found = limiters.get(name);
  if (!found) {
    const options = { keyPrefix: `cairn-rl-${name}`, ...opts };
    if (env.REDIS_URL) {
      // The offline queue holds the first commands until the connection is up: without it every request of
      // a fresh process counted only in the fallback memory and the limit was split between two counters.
      // A Redis that stays down still fails over after one retry.
      redis ??= new Redis(env.REDIS_URL, { enableOfflineQueue: true, maxRetriesPerRequest: 1 });
      found = new RateLimiterRedis({
        storeClient: redis,
        insuranceLimiter: new RateLimiterMemory(options),
        ...options,
      });
    } else {
      found = new RateLimiterMemory(options);
    }
    limiters.set(name, found);
  }
  return found;
}

/** For counters that should quietly stop counting: false once the key is over its limit. */
export async function tryConsumeRateLimit(name: LimitName, ...keyParts: string[]): Promise<boolean> {
  try {
    await sharedLimiter(name, LIMITS[name]).consume(limitKey(...keyParts));
    return true;
  } catch (error) {
    if (error instanceof RateLimiterRes) return false;
    throw error;
  }
}

/**
 * The key a limiter stores: a hash, so Redis never holds an email address. Case-insensitive. IPv6
 * addresses count per /64, the block one subscriber gets, so rotating through it earns nothing.
 */
export function limitKey(...parts: string[]) {
  const normalized = parts.map((part) => {
    const value = part.trim().toLowerCase();
    if (!ipaddr.IPv6.isValid(value)) return value;
    const address = ipaddr.process(value);
    return address.kind() === 'ipv6'
      ? (address as ipaddr.IPv6).parts
          .slice(0, 4)
          .map((p) => p.toString(16))
          .join(':') + '::/64'
      : address.toString();
  });
  return createHash('sha256').update(normalized.join('|')).digest('base64url').slice(0, 32);
}

export const minutesUntil = (ms: number) => Math.max(1, Math.ceil(ms / 60_000));
export const inMinutes = (minutes: number) => `${minutes} minute${minutes === 1 ? '' : 's'}`;

export async function consumeRateLimit(name: LimitName, ...keyParts: string[]) {
  try {
    await sharedLimiter(name, LIMITS[name]).consume(limitKey(...keyParts));
  } catch (error) {
    if (error instanceof RateLimiterRes) {
      throw new AppError(
        'TOO_MANY_REQUESTS',
        `Too many attempts. Wait ${inMinutes(minutesUntil(error.msBeforeNext))} and try again.`,
      );
    }
    throw error;
  }
}

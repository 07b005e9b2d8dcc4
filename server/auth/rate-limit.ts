import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { Redis } from 'ioredis';
import { env } from '@/lib/env';
import { AppError } from '@/server/errors';

// Limits per key (address + IP): brute force on passwords and mail bombing through magic links.
const LIMITS = {
  signIn: { points: 10, duration: 15 * 60 },
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
} as const;
export type LimitName = keyof typeof LIMITS;

const limiters = new Map<LimitName, RateLimiterAbstract>();
let redis: Redis | undefined;

function limiter(name: LimitName): RateLimiterAbstract {
  let found = limiters.get(name);
  if (!found) {
    const opts = { keyPrefix: `cairn-rl-${name}`, ...LIMITS[name] };
    if (env.REDIS_URL) {
      redis ??= new Redis(env.REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
      // Shared across web replicas; if Redis is unreachable we fall back to this process's memory.
      found = new RateLimiterRedis({ storeClient: redis, insuranceLimiter: new RateLimiterMemory(opts), ...opts });
    } else {
      found = new RateLimiterMemory(opts);
    }
    limiters.set(name, found);
  }
  return found;
}

/** For counters that should quietly stop counting: false once the key is over its limit. */
export async function tryConsumeRateLimit(name: LimitName, key: string): Promise<boolean> {
  try {
    await limiter(name).consume(key.toLowerCase());
    return true;
  } catch (error) {
    if (error instanceof RateLimiterRes) return false;
    throw error;
  }
}

export async function consumeRateLimit(name: LimitName, key: string) {
  try {
    await limiter(name).consume(key.toLowerCase());
  } catch (error) {
    if (error instanceof RateLimiterRes) {
      const minutes = Math.max(1, Math.ceil(error.msBeforeNext / 60_000));
      throw new AppError('TOO_MANY_REQUESTS', `Too many attempts. Wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`);
    }
    throw error;
  }
}

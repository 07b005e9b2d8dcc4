import { Redis } from 'ioredis';

/**
 * BullMQ keeps jobs as Redis keys: a Redis that evicts keys under memory pressure silently drops work.
 * Production refuses to start on such a Redis rather than lose timers and emails later.
 */
export async function assertRedisNoEviction(url: string) {
  const redis = new Redis(url, { maxRetriesPerRequest: 1, lazyConnect: true });
  try {
    await redis.connect();
    const reply = (await redis.config('GET', 'maxmemory-policy')) as string[];
    const policy = reply[1] ?? 'unknown';
    if (policy !== 'noeviction') {
      throw new Error(
        `Redis at REDIS_URL has maxmemory-policy "${policy}". Cairn's worker needs "noeviction", because an evicting Redis ` +
          'drops queued jobs. Run `redis-cli CONFIG SET maxmemory-policy noeviction` (and set it in redis.conf).',
      );
    }
  } finally {
    redis.disconnect();
  }
}

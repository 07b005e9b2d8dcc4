import { Redis } from 'ioredis';

/**
 * Tests use their own Redis database index, the way they use their own Postgres database: a worker started
 * by a test must never take jobs from (or leave jobs for) an app running against the same Redis.
 */
// CAIRN_TEST_REDIS_DB lets two suites run side by side on one Redis (two checkouts, or CI beside a developer).
export const TEST_REDIS_DB = Number(process.env.CAIRN_TEST_REDIS_DB ?? 15);

export function testRedisUrl(url: string) {
  const parsed = new URL(url);
  parsed.pathname = `/${TEST_REDIS_DB}`;
  return parsed.toString();
}

/** The Redis the queue tests use: REDIS_URL when set, else a local one if it answers; null when none. */
export async function reachableRedisUrl(): Promise<string | null> {
  const url = process.env.REDIS_URL || testRedisUrl('redis://127.0.0.1:6379');
  const redis = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: 1000,
    retryStrategy: () => null,
  });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG' ? url : null;
  } catch {
    return null;
  } finally {
    redis.disconnect();
  }
}

/** Removes what earlier runs left in the test database: BullMQ queues and rate-limit counters. */
export async function clearTestRedis(url: string) {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    for (const pattern of ['bull:*', 'cairn-rl-*']) {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
        if (keys.length) await redis.del(...keys);
        cursor = next;
      } while (cursor !== '0');
    }
  } finally {
    redis.disconnect();
  }
}

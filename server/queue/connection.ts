import { createPostgresBackend, Queue, Worker, type Processor, type WorkerOptions } from 'bullmq';
import { env } from '@/lib/env';
import { ownerDatabaseUrl } from '@/server/db/urls';

export type QueueMode = 'redis' | 'postgres';

/** Redis when REDIS_URL is set (production); otherwise BullMQ's own PostgreSQL backend in our database. */
export function queueMode(): QueueMode {
  return env.REDIS_URL ? 'redis' : 'postgres';
}

// One construction path for both engines: the same Queue and Worker classes, the backend picked here.
// The generic parameters differ per backend, so the instances are typed loosely at this seam only.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the seam described above
function connectionOptions(role: 'queue' | 'worker'): { connection: any } {
  // A producer fails fast while Redis is unreachable instead of buffering commands without limit: the
  // outbox row is already saved, and the sweep enqueues it once Redis is back. Workers keep waiting.
  if (env.REDIS_URL)
    return {
      connection: {
        url: env.REDIS_URL,
        maxRetriesPerRequest: null,
        ...(role === 'queue' ? { enableOfflineQueue: false } : {}),
      },
    };
  return { connection: { connectionString: ownerDatabaseUrl(), migrate: true, max: 4 } };
}

/**
 * The embedded database has one session shared by every connection, so the NOTIFY a producer sends never
 * reaches the backend's LISTEN client. A worker then sleeps until its next delayed job is due, up to an
 * hour, and misses every job added meanwhile (an SLA timer due in a minute behind one due tomorrow). There
 * it wakes every second instead; a real Postgres keeps BullMQ's LISTEN-driven waits.
 *
 * BullMQ has no option for this ceiling (drainDelay only covers an empty queue), so the backend's
 * maximumBlockTimeout getter is shadowed. bullmq is pinned to an exact version in package.json and
 * tests/unit/upstream-patches.test.ts fails when the getter or the Worker code that reads it changes.
 */
const EMBEDDED_MAX_BLOCK_SECONDS = 1;

const embeddedPostgresBackend: typeof createPostgresBackend = (...args) => {
  const backend = createPostgresBackend(...args);
  Object.defineProperty(backend, 'maximumBlockTimeout', { value: EMBEDDED_MAX_BLOCK_SECONDS });
  return backend;
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the seam described above
function backendFactory(): any {
  if (env.REDIS_URL) return undefined;
  return env.CAIRN_EMBEDDED ? embeddedPostgresBackend : createPostgresBackend;
}

export function createQueue(name: string): Queue {
  return new Queue(
    name,
    { ...connectionOptions('queue'), defaultJobOptions: { removeOnComplete: 1000, removeOnFail: 5000 } },
    backendFactory(),
  );
}

export function createWorker(
  name: string,
  processor: Processor,
  options: Omit<WorkerOptions, 'connection'> = {},
): Worker {
  return new Worker(name, processor, { ...connectionOptions('worker'), ...options }, backendFactory());
}

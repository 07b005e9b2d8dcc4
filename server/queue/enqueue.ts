import type { JobsOptions, Queue } from 'bullmq';
import { createQueue, queueMode } from './connection';
import { componentLogger } from '@/server/log';
import { JOBS, type JobName, type JobPayload, type QueueName } from './jobs';

const log = componentLogger('queue');

const queues = ((globalThis as { __cairnQueues?: Map<QueueName, Queue> }).__cairnQueues ??= new Map());

/** Queues whose connection has come up once; after that, a dropped connection fails adds at once. */
const connected = new WeakSet<Queue>();
/** Queues that never connected and already made one caller wait the full timeout. */
const unreachable = new WeakSet<Queue>();

export function getQueue(name: QueueName): Queue {
  let queue = queues.get(name);
  if (!queue) {
    queue = createQueue(name);
    queue.on('error', (error: Error) => log.error({ queue: name, err: error }, 'queue connection error'));
    void queue.waitUntilReady().then(
      () => connected.add(queue!),
      () => undefined,
    );
    queues.set(name, queue);
  }
  return queue;
}

/** BullMQ job ids may not contain ':'; ours are built from the job name and a row id. */
export function jobId(name: JobName, key: string) {
  return `${name.replace(/\./g, '-')}-${key}`;
}

/**
 * How long an add may take before the caller gives up on it. Nudges run after commit inside requests: with
 * Redis unreachable, a request must still answer (its outbox rows are saved; the sweep enqueues them later).
 */
export const ENQUEUE_TIMEOUT_MS = 3000;

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what} did not answer within ${ms} ms; the outbox sweep will enqueue it later.`)),
      ms,
    );
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Retries back off exponentially: 2 s, 4 s, 8 s, 16 s between the five attempts. */
export async function enqueue<N extends JobName>(
  name: N,
  payload: JobPayload<N>,
  options: JobsOptions & { key?: string } = {},
) {
  const definition = JOBS[name];
  const data = definition.payload.parse(payload);
  const { key, ...jobOptions } = options;
  const queue = getQueue(definition.queue);
  const jobOptionsWithDefaults = {
    attempts: 5,
    backoff: { type: 'exponential' as const, delay: 2000 },
    ...(key ? { jobId: jobId(name, key) } : {}),
    ...jobOptions,
  };
  // On the PostgreSQL backend the queue lives in the database that just committed the outbox row: there is
  // no separate outage to guard against, and a first add that is slow (the backend creating its tables on
  // a busy machine) must not mark the queue unreachable.
  if (queueMode() === 'postgres') return queue.add(name, data, jobOptionsWithDefaults);
  // Started while Redis was down: one caller waits the timeout, the next ones fail at once until it connects.
  if (!connected.has(queue) && unreachable.has(queue)) {
    throw new Error(`The ${definition.queue} queue has not connected yet; the outbox sweep will enqueue this later.`);
  }
  const added = queue.add(name, data, jobOptionsWithDefaults);
  // A late add is harmless: ids are deterministic and processors skip rows that are no longer pending.
  added.catch(() => undefined);
  try {
    return await withTimeout(added, ENQUEUE_TIMEOUT_MS, `The ${definition.queue} queue`);
  } catch (error) {
    if (!connected.has(queue)) unreachable.add(queue);
    throw error;
  }
}

export async function closeQueues() {
  const all = [...queues.values()];
  queues.clear();
  await Promise.all(all.map((q) => q.close()));
}

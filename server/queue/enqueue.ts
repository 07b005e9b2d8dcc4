import type { JobsOptions, Queue } from 'bullmq';
import { createQueue } from './connection';
import { JOBS, type JobName, type JobPayload, type QueueName } from './jobs';

const queues = ((globalThis as { __cairnQueues?: Map<QueueName, Queue> }).__cairnQueues ??= new Map());

export function getQueue(name: QueueName): Queue {
  let queue = queues.get(name);
  if (!queue) {
    queue = createQueue(name);
    queue.on('error', (error: Error) => console.error(`[cairn] queue ${name}:`, error.message));
    queues.set(name, queue);
  }
  return queue;
}

/** BullMQ job ids may not contain ':'; ours are built from the job name and a row id. */
export function jobId(name: JobName, key: string) {
  return `${name.replace(/\./g, '-')}-${key}`;
}

export async function enqueue<N extends JobName>(name: N, payload: JobPayload<N>, options: JobsOptions & { key?: string } = {}) {
  const definition = JOBS[name];
  const data = definition.payload.parse(payload);
  const { key, ...jobOptions } = options;
  return getQueue(definition.queue).add(name, data, {
    attempts: 5,
    backoff: { type: 'exponential', delay: 2000 },
    ...(key ? { jobId: jobId(name, key) } : {}),
    ...jobOptions,
  });
}

export async function closeQueues() {
  const all = [...queues.values()];
  queues.clear();
  await Promise.all(all.map((q) => q.close()));
}

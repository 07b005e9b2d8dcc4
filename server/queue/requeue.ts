import { enqueue, getQueue, jobId } from './enqueue';
import { JOBS, OUTBOX_KIND_TO_JOB, type JobName, type JobPayload, type OutboxKind } from './jobs';

export type OutboxJob = (typeof OUTBOX_KIND_TO_JOB)[OutboxKind];

/**
 * Puts a row's job (back) on its queue, for a row still waiting on it: the sweeps, an admin's Retry. BullMQ
 * ignores an `add` under an id it still holds, and it holds two kinds of finished job: one that used up its
 * attempts (failed) is retried instead; one that completed (kept, the last thousand) while its row is
 * waiting again gets a job of this minute beside it. Otherwise either would leave the row waiting for good.
 */
export async function requeueJob<N extends JobName>(name: N, payload: JobPayload<N>, key: string) {
  const existing = await getQueue(JOBS[name].queue).getJob(jobId(name, key));
  const state = existing ? await existing.getState() : null;
  if (state === 'failed') {
    await existing!.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
    return;
  }
  const minute = Math.floor(Date.now() / 60_000);
  await enqueue(name, payload, { key: state === 'completed' ? `${key}-requeued-${minute}` : key });
}

/** An outbox row's job (email.send or event.dispatch), under the row's id. */
export function requeueOutboxJob(job: OutboxJob, tenantId: string, outboxId: string) {
  return requeueJob(job, { tenantId, outboxId }, outboxId);
}

import { enqueue, getQueue, jobId } from './enqueue';
import { JOBS, OUTBOX_KIND_TO_JOB, type OutboxKind } from './jobs';

export type OutboxJob = (typeof OUTBOX_KIND_TO_JOB)[OutboxKind];

/**
 * Puts an outbox row's job (back) on its queue. A job that used up its attempts stays in the failed set
 * under the row's job id, and BullMQ ignores an `add` with an id it already holds: such a row would stay
 * pending forever. Retry that job instead. Used by the sweep and by an admin's Retry.
 */
export async function requeueOutboxJob(job: OutboxJob, tenantId: string, outboxId: string) {
  const existing = await getQueue(JOBS[job].queue).getJob(jobId(job, outboxId));
  if (existing && (await existing.isFailed())) {
    await existing.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
    return;
  }
  await enqueue(job, { tenantId, outboxId }, { key: outboxId });
}

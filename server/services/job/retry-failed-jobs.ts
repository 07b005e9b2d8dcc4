import { and, eq, inArray } from 'drizzle-orm';
import { outbox } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { AppError, notFound } from '@/server/errors';
import { OUTBOX_KIND_TO_JOB, type OutboxKind } from '@/server/queue/jobs';
import { requeueOutboxJob } from '@/server/queue/requeue';

/** At most this many rows per "Retry all": a page of work, not an unbounded burst. */
export const RETRY_ALL_LIMIT = 500;

type Reopened = { id: string; kind: string };

/** Back to pending now, then on the queue after commit; the sweep covers a nudge that is lost. */
function requeueAfterCommit(scope: TenantScope, rows: Reopened[]) {
  for (const row of rows) {
    const job = OUTBOX_KIND_TO_JOB[row.kind as OutboxKind];
    if (job) scope.afterCommit(() => requeueOutboxJob(job, scope.tenantId, row.id));
  }
}

const reopened = () => ({ status: 'pending' as const, availableAt: new Date() });

export async function retryFailedJob(scope: TenantScope, input: { jobId: string }) {
  const [row] = await scope.db
    .update(outbox)
    .set(reopened())
    .where(and(eq(outbox.id, input.jobId), eq(outbox.status, 'failed')))
    .returning({ id: outbox.id, kind: outbox.kind });
  if (!row) {
    const [existing] = await scope.db.select({ status: outbox.status }).from(outbox).where(eq(outbox.id, input.jobId));
    if (!existing) throw notFound('That job');
    throw new AppError(
      'PRECONDITION_FAILED',
      existing.status === 'done'
        ? 'This job has already completed; there is nothing to retry.'
        : 'This job is already waiting to run; refresh the list.',
    );
  }
  requeueAfterCommit(scope, [row]);
  return { retried: 1 };
}

export async function retryAllFailedJobs(scope: TenantScope) {
  const failed = await scope.db
    .select({ id: outbox.id })
    .from(outbox)
    .where(eq(outbox.status, 'failed'))
    .limit(RETRY_ALL_LIMIT)
    .for('update');
  if (!failed.length) return { retried: 0 };
  const rows = await scope.db
    .update(outbox)
    .set(reopened())
    .where(
      inArray(
        outbox.id,
        failed.map((r) => r.id),
      ),
    )
    .returning({ id: outbox.id, kind: outbox.kind });
  requeueAfterCommit(scope, rows);
  return { retried: rows.length };
}

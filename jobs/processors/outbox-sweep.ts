import { and, eq, lte, sql } from 'drizzle-orm';
import { runInTenant, runWithoutTenant } from '@/server/db/tenant';
import { outbox } from '@/server/db/schema';
import { OUTBOX_KIND_TO_JOB, type OutboxKind } from '@/server/queue/jobs';
import { requeueOutboxJob } from '@/server/queue/requeue';

/**
 * Re-enqueues every pending outbox row whose job may have been lost or has given up. Deterministic job ids
 * make this safe to run at any time: a job still in the queue is not added twice.
 */
export async function processOutboxSweep() {
  const tenantIds = await runWithoutTenant(async (tx) => {
    const result = await tx.execute<{ id: string }>(sql`select cairn_tenants_with_pending_outbox() as id`);
    return result.rows.map((r) => r.id);
  });
  let enqueued = 0;
  for (const tenantId of tenantIds) {
    const rows = await runInTenant(tenantId, ({ db }) =>
      db
        .select({ id: outbox.id, kind: outbox.kind })
        .from(outbox)
        .where(and(eq(outbox.status, 'pending'), lte(outbox.availableAt, new Date())))
        .limit(1000),
    );
    for (const row of rows) {
      const job = OUTBOX_KIND_TO_JOB[row.kind as OutboxKind];
      if (!job) continue;
      await requeueOutboxJob(job, tenantId, row.id);
      enqueued++;
    }
  }
  return { enqueued };
}

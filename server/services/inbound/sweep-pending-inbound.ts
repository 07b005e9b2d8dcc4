import { and, eq, lte, sql } from 'drizzle-orm';
import { inboundMessages } from '@/server/db/schema';
import { runInTenant, runWithoutTenant } from '@/server/db/tenant';
import { enqueue, getQueue, jobId } from '@/server/queue/enqueue';

/** Rows younger than this are left to the job their store step queued. */
const GRACE_MS = 60_000;

/**
 * Re-queues received mail still `pending` a minute after it arrived: its job was lost (Redis flushed) or
 * used up its attempts (the database was down). A job that gave up is retried; ids are deterministic, so a
 * job still queued is not added twice. The stored row is the truth, the queue only executes.
 */
export async function sweepPendingInbound() {
  const before = new Date(Date.now() - GRACE_MS);
  const sweepMinute = Math.floor(Date.now() / 60_000);
  const tenantIds = await runWithoutTenant(async (tx) => {
    const result = await tx.execute<{ id: string }>(
      sql`select cairn_tenants_with_pending_inbound(${before.toISOString()}::timestamptz) as id`,
    );
    return result.rows.map((r) => r.id);
  });
  let enqueued = 0;
  for (const tenantId of tenantIds) {
    const rows = await runInTenant(tenantId, ({ db }) =>
      db
        .select({ id: inboundMessages.id })
        .from(inboundMessages)
        .where(and(eq(inboundMessages.status, 'pending'), lte(inboundMessages.receivedAt, before)))
        .limit(1000),
    );
    for (const row of rows) {
      const existing = await getQueue('inbound').getJob(jobId('inbound.process', row.id));
      if (existing && (await existing.isFailed()))
        await existing.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
      // Its first job completed while the row is pending again (sent back for review, or decided by nothing):
      // an add under that id would be ignored, so a job of this sweep's minute is added.
      else if (existing && (await existing.isCompleted()))
        await enqueue('inbound.process', { tenantId, inboundId: row.id }, { key: `${row.id}-swept-${sweepMinute}` });
      else await enqueue('inbound.process', { tenantId, inboundId: row.id }, { key: row.id });
      enqueued++;
    }
  }
  return { enqueued };
}

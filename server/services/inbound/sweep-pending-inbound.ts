import { and, eq, lte, sql } from 'drizzle-orm';
import { inboundMessages } from '@/server/db/schema';
import { runInTenant, runWithoutTenant } from '@/server/db/tenant';
import { requeueJob } from '@/server/queue/requeue';

/** Rows younger than this are left to the job their store step queued. */
const GRACE_MS = 60_000;

/**
 * Re-queues received mail still `pending` a minute after it arrived: its job was lost (Redis flushed) or
 * used up its attempts (the database was down), or completed before the row was sent back to pending. A job
 * that gave up is retried, one that completed gets a new one beside it (server/queue/requeue.ts); ids are
 * deterministic, so a job still queued is not added twice. The stored row is the truth, the queue only executes.
 */
export async function sweepPendingInbound() {
  const before = new Date(Date.now() - GRACE_MS);
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
      await requeueJob('inbound.process', { tenantId, inboundId: row.id, again: true }, row.id);
      enqueued++;
    }
  }
  return { enqueued };
}

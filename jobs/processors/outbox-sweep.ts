import { and, eq, lt, lte, sql } from 'drizzle-orm';
import { forEachWorkspace } from '@/server/db/for-each-workspace';
import { runInTenant } from '@/server/db/tenant';
import { outbox } from '@/server/db/schema';
import { OUTBOX_KIND_TO_JOB, type OutboxKind } from '@/server/queue/jobs';
import { requeueOutboxJob } from '@/server/queue/requeue';
import { sweepPendingInbound } from '@/server/services/inbound/sweep-pending-inbound';
import { EMAIL_CLAIM_LEASE_MS, UNCERTAIN_DELIVERY_ERROR } from './email-send';

/**
 * A claim whose lease ran out: the worker died between claiming and settling, maybe after the SMTP server
 * took the mail. Resending could deliver it twice, so the row becomes failed with a reason people can read.
 */
async function failExpiredClaims() {
  const claimedBefore = new Date(Date.now() - EMAIL_CLAIM_LEASE_MS);
  let expired = 0;
  const withExpiredClaims = sql`cairn_tenants_with_expired_outbox_claims(${claimedBefore.toISOString()}::timestamptz)`;
  await forEachWorkspace(withExpiredClaims, async (tenantId) => {
    const rows = await runInTenant(tenantId, ({ db }) =>
      db
        .update(outbox)
        .set({ status: 'failed', lastError: UNCERTAIN_DELIVERY_ERROR })
        .where(and(eq(outbox.status, 'sending'), lt(outbox.claimedAt, claimedBefore)))
        .returning({ id: outbox.id }),
    );
    expired += rows.length;
  });
  return expired;
}

/**
 * Re-enqueues every pending outbox row whose job may have been lost or has given up. Deterministic job ids
 * make this safe to run at any time: a job still in the queue is not added twice.
 */
export async function processOutboxSweep() {
  const expired = await failExpiredClaims();
  let enqueued = 0;
  await forEachWorkspace(sql`cairn_tenants_with_pending_outbox()`, async (tenantId) => {
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
  });
  // Received mail waits in its own table; the same periodic sweep puts back its lost jobs.
  const inbound = await sweepPendingInbound();
  return { enqueued, expired, inboundEnqueued: inbound.enqueued };
}

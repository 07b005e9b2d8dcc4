import { and, eq, sql } from 'drizzle-orm';
import { runInTenant } from '@/server/db/tenant';
import { mailSettings, outbox } from '@/server/db/schema';
import { sendMail, type OutgoingMail } from '@/server/email/transport';
import type { JobPayload } from '@/server/queue/jobs';

/** As many as the job's BullMQ attempts (server/queue/enqueue.ts): after these the row is failed for good. */
export const EMAIL_MAX_ATTEMPTS = 5;
/** Longer than any send can take with the transport's timeouts; a claim older than this has lost its worker. */
export const EMAIL_CLAIM_LEASE_MS = 2 * 60_000;
export const UNCERTAIN_DELIVERY_ERROR =
  'The worker stopped while this mail was being sent, so it may have been delivered. It was not resent automatically, to avoid a duplicate; retry it if the recipient did not get it.';

type Claim = { mail: OutgoingMail; attempts: number; smtpUrl: string | null };

/**
 * Takes the row for this worker in its own committed transaction, before any SMTP traffic: no row lock is
 * held while talking to a mail server, and a second run of the job (retry, duplicate, sweep) sees `sending`
 * and leaves it alone. The outbox row id is the idempotency key: one row, at most one send.
 */
async function claim(tenantId: string, outboxId: string): Promise<Claim | null> {
  return runInTenant(tenantId, async ({ db }) => {
    const [row] = await db
      .select()
      .from(outbox)
      .where(and(eq(outbox.id, outboxId), eq(outbox.kind, 'email')))
      .for('update');
    if (!row || row.status !== 'pending') return null;
    await db.update(outbox).set({ status: 'sending', claimedAt: new Date(), attempts: sql`${outbox.attempts} + 1` }).where(eq(outbox.id, outboxId));
    const [settings] = await db.select({ smtpUrl: mailSettings.smtpUrl }).from(mailSettings).where(eq(mailSettings.tenantId, tenantId));
    return { mail: row.payload as OutgoingMail, attempts: row.attempts + 1, smtpUrl: settings?.smtpUrl ?? null };
  });
}

/** Only the claim this worker holds is settled: a row an admin reset meanwhile is not overwritten. */
function settle(tenantId: string, outboxId: string, values: Partial<typeof outbox.$inferInsert>) {
  return runInTenant(tenantId, ({ db }) => db.update(outbox).set(values).where(and(eq(outbox.id, outboxId), eq(outbox.status, 'sending'))));
}

/** Sends one outbox email at most once. */
export async function processEmailSend({ tenantId, outboxId }: JobPayload<'email.send'>) {
  const claimed = await claim(tenantId, outboxId);
  if (!claimed) return { skipped: true as const };
  let messageId: string;
  try {
    ({ messageId } = await sendMail(claimed.mail, { smtpUrl: claimed.smtpUrl }));
  } catch (error) {
    // The server refused or could not be reached: nothing was delivered, so another attempt is safe.
    const reason = error instanceof Error ? error.message : String(error);
    const final = claimed.attempts >= EMAIL_MAX_ATTEMPTS;
    await settle(tenantId, outboxId, { status: final ? 'failed' : 'pending', lastError: reason, claimedAt: null });
    // Thrown so BullMQ retries with its backoff (or records the job as failed after the last attempt).
    throw error;
  }
  await settle(tenantId, outboxId, { status: 'done', doneAt: new Date(), lastError: null });
  return { messageId };
}

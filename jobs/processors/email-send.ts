import { and, eq, sql } from 'drizzle-orm';
import { runInTenant } from '@/server/db/tenant';
import { mailSettings, outbox } from '@/server/db/schema';
import { sendMail, type OutgoingMail } from '@/server/email/transport';
import { enqueue } from '@/server/queue/enqueue';
import type { JobPayload } from '@/server/queue/jobs';
import { logError } from '@/server/errors';
import { recentIds } from '@/lib/utils/recent-ids';

/** As many as the job's BullMQ attempts (server/queue/enqueue.ts): after these the row is failed for good. */
export const EMAIL_MAX_ATTEMPTS = 5;
/** Longer than any send can take with the transport's timeouts; a claim older than this has lost its worker. */
export const EMAIL_CLAIM_LEASE_MS = 2 * 60_000;
/**
 * How many pending mails of the workspace one job claims and sends at once (its own row first). Small
 * enough that a batch queued behind the transport's few pooled connections still settles within the lease.
 */
export const EMAIL_BATCH_SIZE = 10;
export const UNCERTAIN_DELIVERY_ERROR =
  'The worker stopped while this mail was being sent, so it may have been delivered. It was not resent automatically, to avoid a duplicate; retry it if the recipient did not get it.';

export const UNCERTAIN_REPLY_ERROR =
  'The mail server went silent after the mail was handed to it, so it may have been delivered. It was not resent automatically, to avoid a duplicate; retry it if the recipient did not get it.';
/** The reasons a mail is failed as "may have been delivered": the sweep's and the send's own. */
export const UNCERTAIN_DELIVERY_ERRORS = [UNCERTAIN_DELIVERY_ERROR, UNCERTAIN_REPLY_ERROR] as const;

/**
 * nodemailer's socket timeout in the middle of a session: the server stopped answering, typically after
 * taking the message and before its 250 (a slow or overloaded server does exactly that). Unlike a refusal
 * or a connection that never opened, the mail may be in the recipient's mailbox already; sending it again
 * would deliver it twice. The connect and greeting timeouts carry other messages and stay retryable.
 */
function mayHaveBeenDelivered(reason: unknown) {
  const error = reason as { code?: unknown; message?: unknown } | null;
  return error?.code === 'ETIMEDOUT' && error.message === 'Timeout';
}

/**
 * Outbox ids a batch of this process holds (claimed, being sent) or settled as done: their own jobs, which
 * arrive after a batch took the rows along, end here without a transaction. A done mail never returns to
 * pending (only failed ones are retried), and an id leaves the set when its send did not end done, so a
 * retry's job is never skipped. Without this, nine in ten email jobs cost a transaction to learn nothing.
 */
const heldHere = recentIds(20_000);

type ClaimedMail = { id: string; mail: OutgoingMail; attempts: number; createdAt: Date };
type Batch = { mails: ClaimedMail[]; smtpUrl: string | null };
type Outcome = { id: string; status: 'done' | 'pending' | 'failed'; error: string | null };

/**
 * Takes the job's own row, and up to EMAIL_BATCH_SIZE - 1 other pending mails of its workspace, for this
 * worker in one committed transaction before any SMTP traffic: no row lock is held while talking to a mail
 * server, and any other run of a claimed row's job (its own, a retry, a duplicate, a sweep) sees `sending`
 * and leaves it alone. The own row is locked first and nothing is claimed without it, so two runs of one
 * job never both send. SKIP LOCKED keeps concurrent batches apart. The outbox row id is the idempotency
 * key: one row, at most one send.
 */
async function claimBatch(tenantId: string, outboxId: string): Promise<Batch | null> {
  return runInTenant(tenantId, async ({ db }) => {
    const [own] = await db
      .select({ id: outbox.id })
      .from(outbox)
      .where(and(eq(outbox.id, outboxId), eq(outbox.kind, 'email'), eq(outbox.status, 'pending')))
      .for('update', { skipLocked: true });
    if (!own) return null;
    const claimed = await db.execute<{
      id: string;
      payload: OutgoingMail;
      attempts: number;
      created_at: string | Date;
    }>(sql`
      update outbox set status = 'sending', claimed_at = now(), attempts = attempts + 1
      where id in (
        select id from outbox
        where tenant_id = ${tenantId} and kind = 'email' and status = 'pending' and (id = ${outboxId} or available_at <= now())
        order by id = ${outboxId} desc, created_at
        limit ${EMAIL_BATCH_SIZE}
        for update skip locked
      )
      returning id, payload, attempts, created_at`);
    const [settings] = await db
      .select({ smtpUrl: mailSettings.smtpUrl })
      .from(mailSettings)
      .where(eq(mailSettings.tenantId, tenantId));
    const mails = claimed.rows.map((r) => ({
      id: r.id,
      mail: r.payload,
      attempts: Number(r.attempts),
      createdAt: new Date(r.created_at),
    }));
    // RETURNING keeps no order: the queue's order is put back, so each mailbox gets its mails as queued.
    mails.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    return { mails, smtpUrl: settings?.smtpUrl ?? null };
  });
}

/**
 * Every outcome of the batch in one statement. Only claims this worker still holds are settled: a row an
 * admin reset meanwhile is not overwritten. Returns the ids it settled as done.
 */
async function settleBatch(tenantId: string, outcomes: Outcome[]) {
  const settled = await runInTenant(tenantId, ({ db }) =>
    db.execute<{ id: string; status: string }>(sql`
      update outbox set
        status = o.status::outbox_status,
        last_error = o.error,
        done_at = case when o.status = 'done' then now() else outbox.done_at end,
        claimed_at = case when o.status = 'done' then outbox.claimed_at else null end
      from jsonb_to_recordset(${JSON.stringify(outcomes)}::jsonb) as o(id uuid, status text, error text)
      where outbox.id = o.id and outbox.status = 'sending'
      returning outbox.id, outbox.status`),
  );
  return settled.rows.filter((r) => r.status === 'done').map((r) => r.id);
}

/**
 * Sends a batch over the pool: different mailboxes at once, one mailbox's mails one after another in the
 * order they were queued (a reply, then the solved notice), so they arrive in the order of their thread.
 */
async function sendBatch(batch: Batch): Promise<Array<PromiseSettledResult<{ messageId: string }>>> {
  const results = new Array<PromiseSettledResult<{ messageId: string }>>(batch.mails.length);
  const byMailbox = new Map<string, number[]>();
  batch.mails.forEach((m, i) =>
    byMailbox.set(m.mail.to.toLowerCase(), [...(byMailbox.get(m.mail.to.toLowerCase()) ?? []), i]),
  );
  await Promise.all(
    [...byMailbox.values()].map(async (indexes) => {
      for (const i of indexes) {
        try {
          results[i] = { status: 'fulfilled', value: await sendMail(batch.mails[i]!.mail, { smtpUrl: batch.smtpUrl }) };
        } catch (reason) {
          results[i] = { status: 'rejected', reason };
        }
      }
    }),
  );
  return results;
}

/**
 * Sends one outbox email at most once, with up to EMAIL_BATCH_SIZE - 1 other pending mails of the same
 * workspace, concurrently over the transport's pooled connections: the rows' own jobs then find them
 * claimed and skip at the cost of one read.
 */
export async function processEmailSend({ tenantId, outboxId }: JobPayload<'email.send'>) {
  if (heldHere.has(outboxId)) return { skipped: true as const };
  const batch = await claimBatch(tenantId, outboxId);
  if (!batch) return { skipped: true as const };
  const claimed = batch.mails.map((m) => m.id);
  heldHere.add(claimed);
  const sent = await sendBatch(batch).catch((error: unknown) => {
    heldHere.delete(claimed);
    throw error;
  });
  const outcomes: Outcome[] = batch.mails.map((m, i) => {
    const result = sent[i]!;
    if (result.status === 'fulfilled') return { id: m.id, status: 'done', error: null };
    if (mayHaveBeenDelivered(result.reason)) return { id: m.id, status: 'failed', error: UNCERTAIN_REPLY_ERROR };
    // The server refused or could not be reached: nothing was delivered, so another attempt is safe.
    const reason = result.reason instanceof Error ? result.reason.message : String(result.reason);
    return { id: m.id, status: m.attempts >= EMAIL_MAX_ATTEMPTS ? 'failed' : 'pending', error: reason };
  });
  heldHere.add(await settleBatch(tenantId, outcomes).finally(() => heldHere.delete(claimed)));

  // A mail that rode along in this batch and failed: its own job may be long finished, so it gets a retry
  // job of its own, with the backoff the job's attempts would have had. If this add is lost, the sweep adds it.
  for (const outcome of outcomes) {
    if (outcome.id === outboxId || outcome.status !== 'pending') continue;
    const attempts = batch.mails.find((m) => m.id === outcome.id)!.attempts;
    await enqueue(
      'email.send',
      { tenantId, outboxId: outcome.id },
      { key: `${outcome.id}-retry-${attempts}`, delay: 2000 * 2 ** (attempts - 1) },
    ).catch(logError);
  }

  const ownIndex = batch.mails.findIndex((m) => m.id === outboxId);
  const own = sent[ownIndex]!;
  if (outcomes[ownIndex]!.error === UNCERTAIN_REPLY_ERROR) return { uncertain: true as const };
  // Thrown so BullMQ retries with its backoff (or records the job as failed after the last attempt).
  if (own.status === 'rejected') throw own.reason;
  return { messageId: own.value.messageId, batch: batch.mails.length };
}

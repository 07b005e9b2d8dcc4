import { and, eq, sql } from 'drizzle-orm';
import { runInTenant } from '@/server/db/tenant';
import { outbox } from '@/server/db/schema';
import { sendMail, type OutgoingMail } from '@/server/email/transport';
import type { JobPayload } from '@/server/queue/jobs';

/** Sends one outbox email. Re-reads the row under a lock, so a job run twice sends once. */
export async function processEmailSend({ tenantId, outboxId }: JobPayload<'email.send'>) {
  const outcome = await runInTenant(tenantId, async ({ db }) => {
    const [row] = await db
      .select()
      .from(outbox)
      .where(and(eq(outbox.id, outboxId), eq(outbox.kind, 'email')))
      .for('update');
    if (!row || row.status !== 'pending') return { skipped: true as const };
    try {
      const { messageId } = await sendMail(row.payload as OutgoingMail);
      await db.update(outbox).set({ status: 'done', doneAt: new Date(), attempts: sql`${outbox.attempts} + 1` }).where(eq(outbox.id, outboxId));
      return { messageId };
    } catch (error) {
      // Committed with this transaction so the failure stays visible; thrown after it so BullMQ retries.
      await db.update(outbox).set({ attempts: sql`${outbox.attempts} + 1`, lastError: String(error) }).where(eq(outbox.id, outboxId));
      return { error };
    }
  });
  if ('error' in outcome) throw outcome.error;
  return outcome;
}

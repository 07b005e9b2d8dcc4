import { and, eq } from 'drizzle-orm';
import { outbox, ticketMails } from '@/server/db/schema';
import { AppError, notFound } from '@/server/errors';
import { enqueue } from '@/server/queue/enqueue';
import type { StaffScope } from '@/server/services/types';

/**
 * Sends a failed notification mail again, on a person's decision: after "may have been delivered" only a
 * person can weigh a possible duplicate against a missing mail. The same row and Message-ID are reused,
 * so a mail that did arrive threads as the same message in the recipient's client.
 */
export async function retryTicketMail(scope: StaffScope, input: { mailId: string }) {
  const [mail] = await scope.db
    .select({ outboxId: outbox.id, status: outbox.status, recipient: ticketMails.recipient })
    .from(ticketMails)
    .innerJoin(outbox, eq(outbox.id, ticketMails.outboxId))
    .where(eq(ticketMails.id, input.mailId))
    .for('update', { of: outbox });
  if (!mail) throw notFound('The email');
  if (mail.status !== 'failed')
    throw new AppError(
      'PRECONDITION_FAILED',
      `The email to ${mail.recipient} has not failed, so there is nothing to retry. Reload the ticket to see its current state.`,
    );
  await scope.db
    .update(outbox)
    .set({ status: 'pending', attempts: 0, lastError: null, claimedAt: null, availableAt: new Date() })
    .where(and(eq(outbox.id, mail.outboxId), eq(outbox.status, 'failed')));
  // A fresh job id: the row's original job may still sit in BullMQ's failed set under the plain one.
  // A second job for the same row is harmless: the claim lets only one of them send.
  const outboxId = mail.outboxId;
  scope.afterCommit(() =>
    enqueue('email.send', { tenantId: scope.tenantId, outboxId }, { key: `${outboxId}-retry-${Date.now()}` }),
  );
  return { mailId: input.mailId, status: 'pending' as const };
}

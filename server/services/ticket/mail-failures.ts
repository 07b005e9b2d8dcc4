import { and, asc, eq } from 'drizzle-orm';
import { outbox, ticketMails } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';

export type MailFailure = {
  id: string;
  recipient: string;
  kind: string;
  reason: string;
  at: Date;
  ticketMessageId: string | null;
};

/**
 * Notification mails of a ticket that gave up, for the agent's ticket page (never for customers). A read of
 * the ticket page, kept beside it: the notification services write these rows, the ticket services show them.
 */
export async function ticketMailFailures(scope: TenantScope, ticketId: string): Promise<MailFailure[]> {
  const rows = await scope.db
    .select({
      id: ticketMails.id,
      recipient: ticketMails.recipient,
      kind: ticketMails.kind,
      reason: outbox.lastError,
      at: ticketMails.createdAt,
      ticketMessageId: ticketMails.ticketMessageId,
    })
    .from(ticketMails)
    .innerJoin(outbox, eq(outbox.id, ticketMails.outboxId))
    .where(and(eq(ticketMails.ticketId, ticketId), eq(outbox.status, 'failed')))
    .orderBy(asc(ticketMails.createdAt));
  return rows.map((r) => ({ ...r, reason: r.reason ?? 'The mail server did not accept the mail.' }));
}

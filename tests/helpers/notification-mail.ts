import { and, asc, eq } from 'drizzle-orm';
import { processEmailSend } from '@/jobs/processors/email-send';
import { EVENT_CONSUMERS } from '@/jobs/events/consumers';
import type { EventConsumer } from '@/server/services/outbox/event-batch';
import { processEventDispatch } from '@/jobs/processors/event-dispatch';
import { outbox, ticketMails } from '@/server/db/schema';
import { runInTenant } from '@/server/db/tenant';

// Notification tests run the real email processor on the real outbox rows, against the in-process SMTP
// server: the queue adds nothing these tests are about (tests/integration/queue-modes.test.ts covers it).

/**
 * Runs the event job once for each pending domain event of the workspace, oldest first, as the worker would:
 * notification mails are queued by the events' consumer, not by the services that changed the ticket.
 */
export async function dispatchPendingEvents(
  workspaceId: string,
  consumers: readonly EventConsumer[] = EVENT_CONSUMERS,
) {
  const rows = await runInTenant(workspaceId, ({ db }) =>
    db
      .select({ id: outbox.id })
      .from(outbox)
      .where(and(eq(outbox.status, 'pending'), eq(outbox.kind, 'event')))
      .orderBy(asc(outbox.createdAt)),
  );
  for (const row of rows) await processEventDispatch({ tenantId: workspaceId, outboxId: row.id }, consumers);
  return rows.length;
}

/**
 * Dispatches pending events, then runs the email job once for each pending email row; returns how many mails were
 * tried.
 */
export async function deliverPending(workspaceId: string) {
  await dispatchPendingEvents(workspaceId);
  const rows = await runInTenant(workspaceId, ({ db }) =>
    db
      .select({ id: outbox.id })
      .from(outbox)
      .where(and(eq(outbox.status, 'pending'), eq(outbox.kind, 'email')))
      .orderBy(asc(outbox.createdAt)),
  );
  for (const row of rows) await processEmailSend({ tenantId: workspaceId, outboxId: row.id }).catch(() => undefined);
  return rows.length;
}

/** The mails queued for a ticket, oldest first, with their outbox state. */
export function ticketMailRows(workspaceId: string, ticketId: string) {
  return runInTenant(workspaceId, ({ db }) =>
    db
      .select({
        id: ticketMails.id,
        kind: ticketMails.kind,
        audience: ticketMails.audience,
        recipient: ticketMails.recipient,
        messageId: ticketMails.messageId,
        outboxId: ticketMails.outboxId,
        status: outbox.status,
        attempts: outbox.attempts,
        lastError: outbox.lastError,
      })
      .from(ticketMails)
      .innerJoin(outbox, eq(outbox.id, ticketMails.outboxId))
      .where(eq(ticketMails.ticketId, ticketId))
      .orderBy(asc(ticketMails.createdAt), asc(ticketMails.id)),
  );
}

/** A header as mailparser gives it, as text (structured headers come back as objects with `.value`/`.text`). */
export function headerText(headers: Map<string, unknown>, name: string): string | undefined {
  const value = headers.get(name.toLowerCase());
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  const v = value as { text?: string; value?: unknown };
  return v.text ?? (typeof v.value === 'string' ? v.value : JSON.stringify(v.value));
}

/** Marks a ticket's first customer mail failed, as an exhausted SMTP retry would; returns its mail id. */
export async function failFirstCustomerMail(workspaceId: string, ticketId: string) {
  // The ticket's mails exist once its ticket.created event has been handed to the notification consumer. Only
  // that one: a workspace with hundreds of pending events (the role matrix) need not be assigned and triaged.
  await dispatchPendingEvents(
    workspaceId,
    EVENT_CONSUMERS.filter((c) => c.name === 'ticket-notifications'),
  );
  const mail = (await ticketMailRows(workspaceId, ticketId)).find((m) => m.audience === 'customer')!;
  await runInTenant(workspaceId, ({ db }) =>
    db
      .update(outbox)
      .set({ status: 'failed', attempts: 5, lastError: 'Mailbox temporarily unavailable' })
      .where(eq(outbox.id, mail.outboxId!)),
  );
  return mail.id;
}

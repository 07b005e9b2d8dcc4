import { eq, sql } from 'drizzle-orm';
import type { TicketStatus } from '@/lib/constants/ticket';
import { statusAfterAgentReply, statusAfterCustomerReply } from '@/lib/utils/ticket-lifecycle';
import { ticketMessages, tickets } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { AppError } from '@/server/errors';
import { publishLive } from '@/server/live/publish';
import { recordEvent } from '@/server/services/outbox/record-event';
import type { TicketActor } from './actor';
import { applyTicketChanges } from './change-ticket';
import { linkAttachments } from './link-attachments';
import type { TicketRecord } from './load-ticket';

type NewMessage = {
  kind: 'reply' | 'note';
  body: string;
  timeSpentMinutes?: number;
  attachmentIds?: string[];
  status?: TicketStatus;
};

/**
 * Adds a reply or note and moves the ticket along: a customer reply reopens a pending or solved ticket,
 * the first agent reply opens a new one and counts as the first response. Notes change no status.
 */
export async function addMessage(scope: TenantScope, ticket: TicketRecord, actor: TicketActor, message: NewMessage) {
  if (ticket.status === 'merged')
    throw new AppError('PRECONDITION_FAILED', 'This ticket was merged into another; reply on that ticket instead.');
  if (ticket.status === 'closed')
    throw new AppError('PRECONDITION_FAILED', 'This ticket is closed. Open a new ticket to follow up.');
  if (actor.type === 'customer' && message.kind === 'note')
    throw new AppError('FORBIDDEN', 'Customers cannot add internal notes.');
  const now = new Date();
  const [row] = await scope.db
    .insert(ticketMessages)
    .values({
      tenantId: scope.tenantId,
      ticketId: ticket.id,
      kind: message.kind,
      authorType: actor.type === 'customer' ? 'customer' : actor.type === 'agent' ? 'agent' : 'system',
      authorUserId: actor.type === 'agent' ? actor.userId : null,
      authorCustomerId: actor.type === 'customer' ? actor.customerId : null,
      body: message.body,
      timeSpentMinutes: message.timeSpentMinutes ?? 0,
      createdAt: now,
    })
    .returning({ id: ticketMessages.id });
  await linkAttachments(scope, {
    attachmentIds: message.attachmentIds ?? [],
    ticketId: ticket.id,
    messageId: row!.id,
    actor,
  });
  await recordEvent(scope, 'ticket.message_added', {
    ticketId: ticket.id,
    messageId: row!.id,
    kind: message.kind,
    authorType: actor.type,
  });

  const isPublicAgentReply = actor.type === 'agent' && message.kind === 'reply';
  await scope.db
    .update(tickets)
    .set({
      messageCount: sql`${tickets.messageCount} + 1`,
      lastCustomerMessageAt: actor.type === 'customer' ? now : undefined,
      lastAgentMessageAt: isPublicAgentReply ? now : undefined,
      firstRespondedAt: isPublicAgentReply && !ticket.firstRespondedAt ? now : undefined,
    })
    .where(eq(tickets.id, ticket.id));

  let nextStatus: TicketStatus = ticket.status;
  if (actor.type === 'customer') nextStatus = statusAfterCustomerReply(ticket.status);
  else if (isPublicAgentReply) nextStatus = statusAfterAgentReply(ticket.status);
  if (message.status) nextStatus = message.status;
  await applyTicketChanges(scope, ticket, { status: nextStatus }, actor, {
    action: actor.type === 'customer' ? 'customer_replied' : message.kind === 'note' ? 'note_added' : 'replied',
    touch: true,
  });
  await publishLive(scope, 'message.created', ticket.id);
  return { messageId: row!.id };
}

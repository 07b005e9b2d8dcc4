import type { TicketStatus } from '@/lib/constants/ticket';
import { statusAfterAgentReply, statusAfterCustomerReply } from '@/lib/utils/ticket-lifecycle';
import { ticketMessages } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { AppError } from '@/server/errors';
import type { TicketActor } from './actor';
import { commitTicketChange, type LockedTicket } from './commit-ticket-change';
import { linkAttachments } from './link-attachments';

type NewMessage = {
  kind: 'reply' | 'note';
  body: string;
  timeSpentMinutes?: number;
  attachmentIds?: string[];
  status?: TicketStatus;
};

/**
 * Adds a reply or note and moves the ticket along: a customer reply reopens a pending or solved ticket,
 * the first agent reply opens a new one and counts as the first response. Notes change no status. The
 * message row is this use case's; its counters, event, clocks and live notice are the committer's.
 */
export async function addMessage(scope: TenantScope, ticket: LockedTicket, actor: TicketActor, message: NewMessage) {
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

  const isPublicAgentReply = actor.type === 'agent' && message.kind === 'reply';
  let nextStatus: TicketStatus = ticket.status;
  if (actor.type === 'customer') nextStatus = statusAfterCustomerReply(ticket.status);
  else if (isPublicAgentReply) nextStatus = statusAfterAgentReply(ticket.status);
  if (message.status) nextStatus = message.status;
  await commitTicketChange(
    scope,
    ticket,
    { status: nextStatus },
    {
      actor,
      channel: actor.type === 'customer' ? 'portal' : actor.type === 'agent' ? 'agent' : 'system',
      action: actor.type === 'customer' ? 'customer_replied' : message.kind === 'note' ? 'note_added' : 'replied',
      message: { id: row!.id, kind: message.kind, at: now },
    },
  );
  return { messageId: row!.id };
}

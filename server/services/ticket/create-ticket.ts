import type { TicketChannel, TicketPriority, TicketType } from '@/lib/constants/ticket';
import { formatTicketNumber } from '@/lib/utils/ticket-number';
import { ticketMessages, tickets } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { publishLive } from '@/server/live/publish';
import { recomputeTicketSla } from '@/server/services/sla/recompute-ticket-sla';
import { recordEvent } from '@/server/services/outbox/record-event';
import { recordActivity } from './activity';
import type { TicketActor } from './actor';
import { linkAttachments } from './link-attachments';
import { validateCustomFields } from './custom-fields';
import { assignTicketNumber, placeholderTicketNumber } from './numbering';
import { assertReferences } from './references';
import { getTicketSettings } from './settings';

export type CreateTicketCommand = {
  requesterId: string;
  subject: string;
  body: string;
  priority?: TicketPriority;
  type?: TicketType;
  channel: TicketChannel;
  categoryId?: string;
  assigneeId?: string;
  teamId?: string;
  tags?: string[];
  customFields?: Record<string, unknown>;
  context?: Record<string, string>;
  attachmentIds?: string[];
  actor: TicketActor;
};

/**
 * A ticket with its first message, numbered without gaps, in one transaction: the ticket, its message,
 * activity, SLA rows and one `ticket.created` event. Mails (the customer's confirmation, agent alerts) are
 * the event's consumers' work (jobs/events/consumers.ts), so they cost this transaction nothing.
 */
export async function createTicket(scope: TenantScope, command: CreateTicketCommand) {
  await assertReferences(scope, command);
  const customFields = await validateCustomFields(scope, command.customFields ?? {}, {
    requireAll: command.actor.type === 'agent',
  });
  const settings = await getTicketSettings(scope);
  const now = new Date();
  const fromCustomer = command.actor.type === 'customer';
  const [ticket] = await scope.db
    .insert(tickets)
    .values({
      tenantId: scope.tenantId,
      // The real number is given last (assignTicketNumber), so the workspace's counter is locked briefly.
      number: placeholderTicketNumber(),
      subject: command.subject,
      priority: command.priority ?? 'normal',
      type: command.type ?? null,
      channel: command.channel,
      categoryId: command.categoryId ?? null,
      requesterId: command.requesterId,
      assigneeId: command.assigneeId ?? null,
      teamId: command.teamId ?? null,
      status: command.assigneeId ? 'open' : 'new',
      tags: [...new Set(command.tags ?? [])],
      customFields,
      context: command.context ?? {},
      messageCount: 1,
      createdAt: now,
      updatedAt: now,
      lastCustomerMessageAt: fromCustomer ? now : null,
    })
    .returning();
  const [message] = await scope.db
    .insert(ticketMessages)
    .values({
      tenantId: scope.tenantId,
      ticketId: ticket!.id,
      kind: 'reply',
      authorType: fromCustomer ? 'customer' : 'agent',
      authorUserId: command.actor.type === 'agent' ? command.actor.userId : null,
      authorCustomerId: command.actor.type === 'customer' ? command.actor.customerId : null,
      body: command.body,
      createdAt: now,
    })
    .returning({ id: ticketMessages.id });
  await linkAttachments(scope, {
    attachmentIds: command.attachmentIds ?? [],
    ticketId: ticket!.id,
    messageId: message!.id,
    actor: command.actor,
  });
  await recordActivity(scope, {
    ticketId: ticket!.id,
    actor: command.actor,
    action: 'created',
    changes: { status: { from: null, to: ticket!.status } },
    at: now,
  });
  await recomputeTicketSla(scope, ticket!.id);
  // NOTIFY is delivered at commit wherever it stands in the transaction: sent before the number, so the
  // counter's lock (held to commit) covers one round trip fewer. The event needs the number, so it follows.
  await publishLive(scope, 'ticket.created', ticket!.id);
  const number = await assignTicketNumber(scope, ticket!.id);
  await recordEvent(scope, 'ticket.created', {
    ticketId: ticket!.id,
    messageId: message!.id,
    number,
    channel: command.channel,
    priority: ticket!.priority,
    actorType: command.actor.type,
  });
  return {
    ...ticket!,
    number,
    displayNumber: formatTicketNumber(settings, number, ticket!.createdAt),
    firstMessageId: message!.id,
  };
}

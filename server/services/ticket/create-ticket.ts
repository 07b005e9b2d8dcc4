import { randomUUID } from 'node:crypto';
import type { TicketChannel, TicketPriority } from '@/lib/constants/ticket';
import { formatTicketNumber } from '@/lib/utils/ticket-number';
import type { TenantScope } from '@/server/db/tenant';
import type { TicketActor } from './actor';
import { commitNewTicket } from './commit-ticket-change';
import { linkAttachments } from './link-attachments';
import { validateCustomFields } from './custom-fields';
import { loadNewTicketFacts } from './new-ticket-facts';
import { assertReferences } from './references';

export type CreateTicketCommand = {
  requesterId: string;
  subject: string;
  body: string;
  priority?: TicketPriority;
  /** A key of the workspace's active ticket types (checked). */
  type?: string;
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
 * A ticket with its first message, numbered without gaps, in one transaction: the checks and one read of
 * what the ticket needs here, then the row, the message, activity, SLA rows, the number and one
 * `ticket.created` event in one statement from the committer. Mails (the customer's confirmation, agent
 * alerts) are the event's consumers' work (jobs/events/consumers.ts), so they cost this transaction nothing.
 */
export async function createTicket(scope: TenantScope, command: CreateTicketCommand) {
  await assertReferences(scope, command);
  const facts = await loadNewTicketFacts(scope, command.requesterId);
  const customFields = await validateCustomFields(scope, command.customFields ?? {}, {
    requireAll: command.actor.type === 'agent',
    fields: facts.fields,
  });
  const now = new Date();
  const fromCustomer = command.actor.type === 'customer';
  const ticket = {
    id: randomUUID(),
    tenantId: scope.tenantId,
    subject: command.subject,
    status: command.assigneeId ? ('open' as const) : ('new' as const),
    priority: command.priority ?? 'normal',
    type: command.type ?? null,
    channel: command.channel,
    categoryId: command.categoryId ?? null,
    requesterId: command.requesterId,
    assigneeId: command.assigneeId ?? null,
    teamId: command.teamId ?? null,
    tags: [...new Set(command.tags ?? [])],
    customFields,
    context: command.context ?? {},
    mergedIntoId: null,
    messageCount: 1,
    createdAt: now,
    updatedAt: now,
    statusChangedAt: now,
    firstRespondedAt: null,
    lastCustomerMessageAt: fromCustomer ? now : null,
    lastAgentMessageAt: null,
    solvedAt: null,
    closedAt: null,
  };
  const message = {
    id: randomUUID(),
    tenantId: scope.tenantId,
    ticketId: ticket.id,
    kind: 'reply' as const,
    authorType: fromCustomer ? ('customer' as const) : ('agent' as const),
    authorUserId: command.actor.type === 'agent' ? command.actor.userId : null,
    authorCustomerId: command.actor.type === 'customer' ? command.actor.customerId : null,
    body: command.body,
    createdAt: now,
  };
  const number = await commitNewTicket(scope, { ticket, message }, { actor: command.actor, ...facts });
  // After the statement that inserts the message they point at; a refusal rolls the whole create back.
  await linkAttachments(scope, {
    attachmentIds: command.attachmentIds ?? [],
    ticketId: ticket.id,
    messageId: message.id,
    actor: command.actor,
  });
  return {
    ...ticket,
    number,
    displayNumber: formatTicketNumber(facts.settings, number, now),
    firstMessageId: message.id,
  };
}

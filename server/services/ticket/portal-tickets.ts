import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { formatTicketNumber } from '@/lib/utils/ticket-number';
import type { portalCreateTicketInput, portalListTicketsInput } from '@/lib/validators/ticket';
import { customers, ticketCategories, ticketMessages, tickets, users } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { AppError, notFound } from '@/server/errors';
import { addMessage } from './add-message';
import { commitTicketChange } from './commit-ticket-change';
import { createTicket } from './create-ticket';
import { loadTicketForUpdate } from './load-ticket';
import { getTicketSettings } from './settings';
import { expectedFirstResponse } from '@/server/services/sla/expected-first-response';
import { recordSupportActivity } from '@/server/services/support/record-support-activity';
import { customerReachesTicket } from './customer-reach';
import { nextTicketCursor, ticketKeyset } from './ticket-cursor';
import { ticketSummaryColumns } from './queries';
import { attachmentsByMessage, messagesWithAuthors } from './thread-queries';

/** `onlyTicketId`: the session came from one ticket's signed link and reaches that ticket only. */
type Customer = { id: string; name: string; onlyTicketId?: string | null };
const customerActor = (customer: Customer) => ({ type: 'customer' as const, customerId: customer.id });
const reachOf = (customer: Customer) => ({ customerId: customer.id, onlyTicketId: customer.onlyTicketId });

/** A customer sees their own tickets only; everyone else's answer "not found". */
async function ownTicketForUpdate(scope: TenantScope, customer: Customer, ticketId: string) {
  if (customer.onlyTicketId && customer.onlyTicketId !== ticketId) throw notFound('The request');
  const ticket = await loadTicketForUpdate(scope, ticketId);
  if (!customerReachesTicket(reachOf(customer), ticket)) throw notFound('The request');
  return ticket;
}

export async function createTicketAsCustomer(
  scope: TenantScope,
  customer: Customer,
  input: z.output<typeof portalCreateTicketInput>,
) {
  if (customer.onlyTicketId)
    throw new AppError('UNAUTHORIZED', 'Sign in to the portal with your email to file a new request.');
  if (input.name && !customer.name)
    await scope.db
      .update(customers)
      .set({ name: input.name, updatedAt: new Date() })
      .where(eq(customers.id, customer.id));
  const ticket = await createTicket(scope, {
    requesterId: customer.id,
    subject: input.subject,
    body: input.body,
    categoryId: input.categoryId,
    channel: 'web',
    context: input.context,
    attachmentIds: input.attachmentIds,
    actor: customerActor(customer),
  });
  if (input.supportSessionId)
    await recordSupportActivity(scope, {
      sessionId: input.supportSessionId,
      source: 'portal',
      pagePath: '/portal/new',
      kind: 'request_filed',
      ticketId: ticket.id,
    });
  // The promise comes from the SLA policy that now applies to the ticket (its calendar, its targets).
  const promise = await expectedFirstResponse(scope, ticket.id);
  return {
    id: ticket.id,
    displayNumber: ticket.displayNumber,
    expectedFirstResponse: promise?.text ?? 'as soon as we can',
  };
}

const PORTAL_STATUS_FILTERS: Record<'open' | 'solved' | 'all', SQL | undefined> = {
  open: inArray(tickets.status, ['new', 'open', 'pending', 'on_hold']),
  solved: inArray(tickets.status, ['solved', 'closed']),
  all: sql`${tickets.status} <> 'merged'`,
};

export async function listCustomerTickets(
  scope: TenantScope,
  customer: Customer,
  input: z.output<typeof portalListTicketsInput>,
) {
  const settings = await getTicketSettings(scope);
  const conditions = [
    eq(tickets.tenantId, scope.tenantId),
    eq(tickets.requesterId, customer.id),
    PORTAL_STATUS_FILTERS[input.status],
  ];
  if (customer.onlyTicketId) conditions.push(eq(tickets.id, customer.onlyTicketId));
  const { orderBy, after } = ticketKeyset(
    { columns: [tickets.updatedAt, tickets.id], direction: 'newest_first' },
    input.cursor,
  );
  if (after) conditions.push(after);
  const rows = await scope.db
    .select({ ...ticketSummaryColumns, updatedAt: tickets.updatedAt })
    .from(tickets)
    .where(and(...conditions))
    .orderBy(...orderBy)
    .limit(input.limit + 1);
  const page = rows
    .slice(0, input.limit)
    .map(({ number, ...r }) => ({ ...r, displayNumber: formatTicketNumber(settings, number, r.createdAt) }));
  return { items: page, nextCursor: nextTicketCursor(rows, page, input.limit) };
}

/** The public thread: internal notes and system events are filtered here and by the router's output schema. */
export async function getCustomerTicket(scope: TenantScope, customer: Customer, ticketId: string) {
  const settings = await getTicketSettings(scope);
  const [ticket] = await scope.db
    .select({
      id: tickets.id,
      number: tickets.number,
      subject: tickets.subject,
      status: tickets.status,
      requesterId: tickets.requesterId,
      createdAt: tickets.createdAt,
      updatedAt: tickets.updatedAt,
      categoryName: ticketCategories.name,
    })
    .from(tickets)
    .leftJoin(ticketCategories, eq(ticketCategories.id, tickets.categoryId))
    .where(eq(tickets.id, ticketId));
  if (!ticket || !customerReachesTicket(reachOf(customer), ticket)) throw notFound('The request');
  const messages = await messagesWithAuthors(scope, {
    id: ticketMessages.id,
    authorType: ticketMessages.authorType,
    agentName: users.name,
    customerName: customers.name,
    body: ticketMessages.body,
    createdAt: ticketMessages.createdAt,
  })
    .where(and(eq(ticketMessages.ticketId, ticketId), eq(ticketMessages.kind, 'reply')))
    .orderBy(asc(ticketMessages.createdAt));
  const files = await attachmentsByMessage(
    scope,
    messages.map((m) => m.id),
  );
  return {
    ticket: {
      id: ticket.id,
      displayNumber: formatTicketNumber(settings, ticket.number, ticket.createdAt),
      subject: ticket.subject,
      status: ticket.status,
      createdAt: ticket.createdAt,
      updatedAt: ticket.updatedAt,
      category: ticket.categoryName,
    },
    messages: messages.map((m) => ({
      id: m.id,
      authorType: m.authorType === 'customer' ? ('customer' as const) : ('agent' as const),
      // Agents appear by first name only to customers.
      authorName:
        m.authorType === 'customer' ? m.customerName || 'You' : (m.agentName ?? 'Support').split(' ')[0] || 'Support',
      body: m.body,
      createdAt: m.createdAt,
      attachments: files.get(m.id) ?? [],
    })),
  };
}

export async function replyAsCustomer(
  scope: TenantScope,
  customer: Customer,
  input: { ticketId: string; body: string; attachmentIds: string[] },
) {
  const ticket = await ownTicketForUpdate(scope, customer, input.ticketId);
  return addMessage(scope, ticket, customerActor(customer), {
    kind: 'reply',
    body: input.body,
    attachmentIds: input.attachmentIds,
  });
}

export async function closeAsCustomer(scope: TenantScope, customer: Customer, input: { ticketId: string }) {
  const ticket = await ownTicketForUpdate(scope, customer, input.ticketId);
  if (ticket.status === 'closed') return { status: 'closed' as const };
  await commitTicketChange(
    scope,
    ticket,
    { status: 'closed' },
    { actor: customerActor(customer), channel: 'portal', action: 'closed_by_customer' },
  );
  return { status: 'closed' as const };
}

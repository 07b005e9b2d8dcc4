import { and, eq } from 'drizzle-orm';
import { tickets } from '@/server/db/schema';
import { AppError, notFound } from '@/server/errors';
import { getCustomerTicket, listCustomerTickets, replyAsCustomer } from '@/server/services/ticket/portal-tickets';
import { findVisitorCustomer } from './visitor-customer';
import type { WidgetScope } from './with-widget';

/**
 * The panel's "my conversations" reuse the portal's own reads and reply (same filters, same output), for
 * the customer the verified visitor is. An anonymous or wrongly signed visitor sees an empty list and
 * "not found": nothing tells them whose tickets exist.
 */
export async function visitorCustomer(scope: WidgetScope) {
  if (!scope.settings.conversationsEnabled || !scope.visitor.verified) return null;
  return findVisitorCustomer(scope, scope.visitor.verified);
}

export async function listWidgetConversations(scope: WidgetScope) {
  const customer = await visitorCustomer(scope);
  if (!customer) return { verified: Boolean(scope.visitor.verified), items: [] };
  const page = await listCustomerTickets(scope, customer, { status: 'all', limit: 20 });
  return { verified: true, items: page.items };
}

export async function getWidgetConversation(scope: WidgetScope, ticketId: string) {
  const customer = await visitorCustomer(scope);
  if (!customer) throw notFound('The conversation');
  return getCustomerTicket(scope, customer, ticketId);
}

export async function replyInWidget(scope: WidgetScope, input: { ticketId: string; body: string }) {
  const customer = await visitorCustomer(scope);
  if (!customer) throw notFound('The conversation');
  return replyAsCustomer(scope, customer, { ticketId: input.ticketId, body: input.body, attachmentIds: [] });
}

/** Whether a live event's ticket is one of this visitor's: the subscription forwards only those. */
export async function isVisitorTicket(scope: WidgetScope, ticketId: string) {
  const customer = await visitorCustomer(scope);
  if (!customer) return false;
  const [row] = await scope.db
    .select({ id: tickets.id })
    .from(tickets)
    .where(and(eq(tickets.id, ticketId), eq(tickets.requesterId, customer.id)));
  return Boolean(row);
}

export function assertConversationsOn(scope: WidgetScope) {
  if (!scope.settings.conversationsEnabled) throw new AppError('FORBIDDEN', 'Conversations are off for this widget.');
}

import { aliasedTable, and, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import { formatTicketNumber } from '@/lib/utils/ticket-number';
import { customers, teams, ticketCategories, tickets, users, type TicketSettings } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { newestFirst } from './index-order';

const assignees = aliasedTable(users, 'assignee');

/** The columns a short ticket reference needs (its display number is formatted from number + createdAt). */
export const ticketSummaryColumns = {
  id: tickets.id,
  number: tickets.number,
  subject: tickets.subject,
  status: tickets.status,
  createdAt: tickets.createdAt,
};

/** The columns every ticket list shows, joined in one query. */
export function ticketRowQuery(scope: TenantScope) {
  return scope.db
    .select({
      id: tickets.id,
      number: tickets.number,
      subject: tickets.subject,
      status: tickets.status,
      priority: tickets.priority,
      type: tickets.type,
      channel: tickets.channel,
      tags: tickets.tags,
      createdAt: tickets.createdAt,
      updatedAt: tickets.updatedAt,
      solvedAt: tickets.solvedAt,
      messageCount: tickets.messageCount,
      requester: { id: customers.id, name: customers.name, email: customers.email },
      assigneeId: tickets.assigneeId,
      assigneeName: assignees.name,
      assigneeEmail: assignees.email,
      teamId: tickets.teamId,
      teamName: teams.name,
      categoryId: tickets.categoryId,
      categoryName: ticketCategories.name,
      categoryColor: ticketCategories.color,
    })
    .from(tickets)
    .innerJoin(customers, eq(customers.id, tickets.requesterId))
    .leftJoin(assignees, eq(assignees.id, tickets.assigneeId))
    .leftJoin(teams, eq(teams.id, tickets.teamId))
    .leftJoin(ticketCategories, eq(ticketCategories.id, tickets.categoryId));
}

type RawRow = Awaited<ReturnType<ReturnType<typeof ticketRowQuery>['execute']>>[number];

export function toTicketRow(row: RawRow, settings: TicketSettings) {
  const {
    assigneeId,
    assigneeName,
    assigneeEmail,
    teamId,
    teamName,
    categoryId,
    categoryName,
    categoryColor,
    ...rest
  } = row;
  return {
    ...rest,
    displayNumber: formatTicketNumber(settings, row.number, row.createdAt),
    assignee: assigneeId ? { id: assigneeId, name: assigneeName || assigneeEmail || 'Agent' } : null,
    team: teamId ? { id: teamId, name: teamName ?? '' } : null,
    category: categoryId ? { id: categoryId, name: categoryName ?? '', color: categoryColor ?? '#64748b' } : null,
  };
}
export type TicketRow = ReturnType<typeof toTicketRow>;

/** The requester's other tickets, newest first, for the agent's side panel. */
export async function requesterTickets(
  scope: TenantScope,
  settings: TicketSettings,
  ticket: { id: string; requesterId: string },
) {
  const rows = await ticketRowQuery(scope)
    .where(
      and(eq(tickets.tenantId, scope.tenantId), eq(tickets.requesterId, ticket.requesterId), ne(tickets.id, ticket.id)),
    )
    .orderBy(newestFirst(tickets.createdAt))
    .limit(10);
  return rows.map((r) => toTicketRow(r, settings));
}

/**
 * Open tickets from the same requester in the last 14 days whose subject is similar (pg_trgm), so an
 * agent can merge a duplicate in one step.
 */
export async function findDuplicates(
  scope: TenantScope,
  settings: TicketSettings,
  ticket: { id: string; requesterId: string; subject: string },
) {
  const similarity = sql<number>`similarity(${tickets.subject}, ${ticket.subject})`;
  const rows = await scope.db
    .select({ ...ticketSummaryColumns, similarity })
    .from(tickets)
    .where(
      and(
        eq(tickets.tenantId, scope.tenantId),
        eq(tickets.requesterId, ticket.requesterId),
        ne(tickets.id, ticket.id),
        inArray(tickets.status, ['new', 'open', 'pending', 'on_hold']),
        sql`${tickets.createdAt} > now() - interval '14 days'`,
        sql`${similarity} > 0.3`,
      ),
    )
    .orderBy(desc(similarity))
    .limit(5);
  return rows.map((r) => ({
    id: r.id,
    displayNumber: formatTicketNumber(settings, r.number, r.createdAt),
    subject: r.subject,
    status: r.status,
    similarity: Number(r.similarity),
  }));
}

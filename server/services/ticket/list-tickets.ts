import { and, eq, gte, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { TICKET_SORTS, UNSOLVED_STATUSES, type BuiltInView, type TicketSort } from '@/lib/constants/ticket';
import { ticketFilters, type ListTicketsInput, type TicketFilters } from '@/lib/validators/ticket';
import { savedViews, tickets } from '@/server/db/schema';
import { latestRatings } from '@/server/services/csat/ticket-ratings';
import type { TenantScope } from '@/server/db/tenant';
import { AppError, notFound } from '@/server/errors';
import { ticketRowQuery, toTicketRow } from './queries';
import { nextTicketCursor, ticketKeyset, type TicketOrder } from './ticket-cursor';
import { getTicketSettings } from './settings';
import { slaBadgesFor } from '@/server/services/sla/ticket-sla-summary';

const RECENTLY_SOLVED_DAYS = 7;

/** Each built-in view matches one partial index (server/db/schema/tickets.ts) in its default order. */
export function viewConditions(view: BuiltInView, userId: string): SQL[] {
  const unsolved = inArray(tickets.status, [...UNSOLVED_STATUSES]);
  switch (view) {
    case 'my_open':
      return [unsolved, eq(tickets.assigneeId, userId)];
    case 'unassigned':
      return [unsolved, isNull(tickets.assigneeId)];
    case 'all_open':
      return [unsolved];
    case 'pending':
      return [eq(tickets.status, 'pending')];
    case 'recently_solved':
      return [
        sql`${tickets.solvedAt} is not null`,
        inArray(tickets.status, ['solved', 'closed']),
        sql`${tickets.solvedAt} > now() - make_interval(days => ${RECENTLY_SOLVED_DAYS})`,
      ];
  }
}

export function filterConditions(filters: TicketFilters): SQL[] {
  const conditions: SQL[] = [];
  if (filters.statuses?.length) conditions.push(inArray(tickets.status, filters.statuses));
  if (filters.priorities?.length) conditions.push(inArray(tickets.priority, filters.priorities));
  if (filters.assigneeIds?.length) {
    const ids = filters.assigneeIds.filter((v): v is string => v !== null);
    const parts: SQL[] = [];
    if (ids.length) parts.push(inArray(tickets.assigneeId, ids));
    if (filters.assigneeIds.includes(null)) parts.push(isNull(tickets.assigneeId));
    conditions.push(or(...parts)!);
  }
  if (filters.teamIds?.length) conditions.push(inArray(tickets.teamId, filters.teamIds));
  if (filters.categoryIds?.length) conditions.push(inArray(tickets.categoryId, filters.categoryIds));
  if (filters.tags?.length) conditions.push(sql`${tickets.tags} @> ${sql.param(filters.tags)}::text[]`);
  if (filters.channels?.length) conditions.push(inArray(tickets.channel, filters.channels));
  if (filters.types?.length) conditions.push(inArray(tickets.type, filters.types));
  if (filters.requesterId) conditions.push(eq(tickets.requesterId, filters.requesterId));
  if (filters.createdFrom) conditions.push(gte(tickets.createdAt, filters.createdFrom));
  if (filters.createdTo) conditions.push(lte(tickets.createdAt, filters.createdTo));
  if (filters.updatedFrom) conditions.push(gte(tickets.updatedAt, filters.updatedFrom));
  if (filters.updatedTo) conditions.push(lte(tickets.updatedAt, filters.updatedTo));
  if (filters.text) {
    conditions.push(
      or(
        sql`${tickets.search} @@ websearch_to_tsquery('english', ${filters.text})`,
        sql`${tickets.id} in (select m.ticket_id from ticket_messages m where m.search @@ websearch_to_tsquery('english', ${filters.text}))`,
      )!,
    );
  }
  return conditions;
}

/** Each sort's keyset; the id breaks ties so every row has one place in the order. */
const ORDERS: Record<TicketSort | 'solved_desc', TicketOrder> = {
  updated_desc: { columns: [tickets.updatedAt, tickets.id], direction: 'newest_first' },
  updated_asc: { columns: [tickets.updatedAt, tickets.id], direction: 'oldest_first' },
  created_desc: { columns: [tickets.createdAt, tickets.id], direction: 'newest_first' },
  created_asc: { columns: [tickets.createdAt, tickets.id], direction: 'oldest_first' },
  priority_desc: { columns: [tickets.priority, tickets.updatedAt, tickets.id], direction: 'newest_first' },
  solved_desc: { columns: [tickets.solvedAt, tickets.id], direction: 'newest_first' },
};

async function savedViewFilters(scope: TenantScope, savedViewId: string, userId: string) {
  const [view] = await scope.db
    .select()
    .from(savedViews)
    .where(and(eq(savedViews.id, savedViewId), or(isNull(savedViews.ownerUserId), eq(savedViews.ownerUserId, userId))));
  if (!view) throw notFound('The saved view');
  // Stored as jsonb, dates come back as strings: the same schema that accepted them turns them into Dates.
  const parsed = ticketFilters.safeParse(view.filters);
  if (!parsed.success)
    throw new AppError(
      'PRECONDITION_FAILED',
      `The saved view "${view.name}" has filters that are no longer valid. Delete it and save it again.`,
    );
  return {
    filters: parsed.data,
    sort: (TICKET_SORTS as readonly string[]).includes(view.sort) ? (view.sort as TicketSort) : 'updated_desc',
  };
}

export async function listTickets(scope: TenantScope, userId: string, input: ListTicketsInput) {
  const conditions: SQL[] = [eq(tickets.tenantId, scope.tenantId)];
  let sort: TicketSort | 'solved_desc' = input.sort;
  if (input.view) {
    conditions.push(...viewConditions(input.view, userId));
    if (input.view === 'recently_solved' && input.sort === 'updated_desc') sort = 'solved_desc';
  }
  if (input.savedViewId) {
    const saved = await savedViewFilters(scope, input.savedViewId, userId);
    conditions.push(...filterConditions(saved.filters));
    if (input.sort === 'updated_desc') sort = saved.sort;
  }
  if (input.filters) conditions.push(...filterConditions(input.filters));
  if (!input.view && !input.filters?.statuses?.length && !input.savedViewId)
    conditions.push(sql`${tickets.status} <> 'merged'`);
  const { orderBy, after } = ticketKeyset(ORDERS[sort], input.cursor);
  if (after) conditions.push(after);
  const rows = await ticketRowQuery(scope)
    .where(and(...conditions))
    .orderBy(...orderBy)
    .limit(input.limit + 1);
  const settings = await getTicketSettings(scope);
  const page = rows.slice(0, input.limit).map((r) => toTicketRow(r, settings));
  const badges = await slaBadgesFor(
    scope,
    page.map((t) => t.id),
  );
  // Only solved and closed tickets can carry a rating: the open queues pay no extra statement.
  const ratings = await latestRatings(
    scope,
    page.filter((t) => t.status === 'solved' || t.status === 'closed').map((t) => t.id),
  );
  return {
    items: page.map((t) => ({ ...t, sla: badges.get(t.id) ?? null, csat: ratings.get(t.id) ?? null })),
    nextCursor: nextTicketCursor(rows, page, input.limit),
  };
}

/** Counts per built-in view, in one round trip. */
export async function countViews(scope: TenantScope, userId: string): Promise<Record<BuiltInView, number>> {
  const count = (view: BuiltInView) =>
    sql<number>`(select count(*)::int from tickets where tenant_id = ${scope.tenantId} and ${and(...viewConditions(view, userId))})`;
  const result = await scope.db.execute<Record<BuiltInView, number>>(
    sql`select ${count('my_open')} as my_open, ${count('unassigned')} as unassigned, ${count('all_open')} as all_open, ${count('pending')} as pending, ${count('recently_solved')} as recently_solved`,
  );
  const row = result.rows[0]!;
  return {
    my_open: Number(row.my_open),
    unassigned: Number(row.unassigned),
    all_open: Number(row.all_open),
    pending: Number(row.pending),
    recently_solved: Number(row.recently_solved),
  };
}

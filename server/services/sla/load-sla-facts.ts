import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { TicketStatus } from '@/lib/constants/ticket';
import type { SlaTicketFacts } from '@/lib/sla';
import { customers, ticketActivities, ticketMessages, tickets } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';

/**
 * What a ticket's SLA clocks depend on, in three indexed reads: the row (with the requester's organization),
 * the status history from the activity log, and the public thread. null when the ticket does not exist here.
 */
export async function loadSlaFacts(
  scope: TenantScope,
  ticketId: string,
): Promise<(SlaTicketFacts & { id: string }) | null> {
  const [ticket] = await scope.db
    .select({
      id: tickets.id,
      createdAt: tickets.createdAt,
      priority: tickets.priority,
      status: tickets.status,
      channel: tickets.channel,
      categoryId: tickets.categoryId,
      tags: tickets.tags,
      organizationId: customers.organizationId,
    })
    .from(tickets)
    .leftJoin(customers, eq(customers.id, tickets.requesterId))
    .where(eq(tickets.id, ticketId));
  if (!ticket) return null;

  const statusRows = await scope.db
    .select({ at: ticketActivities.createdAt, to: sql<TicketStatus>`${ticketActivities.changes} -> 'status' ->> 'to'` })
    .from(ticketActivities)
    .where(and(eq(ticketActivities.ticketId, ticketId), sql`${ticketActivities.changes} ? 'status'`))
    .orderBy(asc(ticketActivities.createdAt), asc(ticketActivities.id));

  const messageRows = await scope.db
    .select({ at: ticketMessages.createdAt, authorType: ticketMessages.authorType })
    .from(ticketMessages)
    .where(
      and(
        eq(ticketMessages.ticketId, ticketId),
        eq(ticketMessages.kind, 'reply'),
        inArray(ticketMessages.authorType, ['customer', 'agent']),
      ),
    )
    .orderBy(asc(ticketMessages.createdAt), asc(ticketMessages.id));

  // The creation activity carries the first status; a ticket from before the log existed starts in its own.
  const statusChanges = statusRows.length ? statusRows : [{ at: ticket.createdAt, to: ticket.status }];
  return {
    ...ticket,
    statusChanges,
    messages: messageRows.map((m) => ({
      at: m.at,
      from: m.authorType === 'customer' ? ('customer' as const) : ('agent' as const),
    })),
  };
}

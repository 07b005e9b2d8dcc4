import { eq, sql } from 'drizzle-orm';
import type { TicketStatus } from '@/lib/constants/ticket';
import type { SlaTicketFacts } from '@/lib/sla';
import { customers, tickets } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';

// Moments travel as epoch milliseconds inside the JSON: exact, and independent of the session's time zone.
const epochMs = (column: string) => sql.raw(`floor(extract(epoch from ${column}) * 1000)`);

/**
 * What a ticket's SLA clocks depend on, in one statement (it runs on every ticket change): the row with the
 * requester's organization, the status history from the activity log, the public thread, and the
 * workspace's SLA setup version (for the cached setup). null when the ticket does not exist here.
 */
export async function loadSlaFacts(
  scope: TenantScope,
  ticketId: string,
): Promise<(SlaTicketFacts & { id: string; slaConfigVersion: number }) | null> {
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
      slaConfigVersion: sql<string>`(select t.sla_config_version from tenants t where t.id = ${tickets.tenantId})`,
      statusRows: sql<Array<{ at: number; to: TicketStatus }>>`coalesce((
        select json_agg(json_build_object('at', ${epochMs('a.created_at')}, 'to', a.changes -> 'status' ->> 'to')
          order by a.created_at, a.id)
        from ticket_activities a where a.ticket_id = ${tickets.id} and a.changes ? 'status'
      ), '[]'::json)`,
      messageRows: sql<Array<{ at: number; authorType: 'customer' | 'agent' }>>`coalesce((
        select json_agg(json_build_object('at', ${epochMs('m.created_at')}, 'authorType', m.author_type)
          order by m.created_at, m.id)
        from ticket_messages m
        where m.ticket_id = ${tickets.id} and m.kind = 'reply' and m.author_type in ('customer', 'agent')
      ), '[]'::json)`,
    })
    .from(tickets)
    .leftJoin(customers, eq(customers.id, tickets.requesterId))
    .where(eq(tickets.id, ticketId));
  if (!ticket) return null;

  const { statusRows, messageRows, slaConfigVersion, ...row } = ticket;
  // The creation activity carries the first status; a ticket from before the log existed starts in its own.
  const statusChanges = statusRows.length
    ? statusRows.map((s) => ({ at: new Date(s.at), to: s.to }))
    : [{ at: row.createdAt, to: row.status }];
  return {
    ...row,
    slaConfigVersion: Number(slaConfigVersion ?? 0),
    statusChanges,
    messages: messageRows.map((m) => ({
      at: new Date(m.at),
      from: m.authorType === 'customer' ? ('customer' as const) : ('agent' as const),
    })),
  };
}

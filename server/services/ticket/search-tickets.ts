import { sql } from 'drizzle-orm';
import { formatTicketNumber } from '@/lib/utils/ticket-number';
import type { TenantScope } from '@/server/db/tenant';
import { getTicketSettings } from './settings';

type SearchRow = { id: string; number: string; subject: string; status: string; created_at: Date; snippet: string; rank: number };

/**
 * Full-text search over subjects and every message (GIN indexes on both tsvectors), ranked, with a
 * highlighted snippet from the best matching message. A bare number or a formatted ticket number jumps
 * straight to that ticket.
 */
export async function searchTickets(scope: TenantScope, input: { query: string; limit: number }) {
  const settings = await getTicketSettings(scope);
  const numberMatch = input.query.match(/^(?:[A-Za-z]+-)?(?:\d{4}-)?0*(\d{1,12})(?:-[A-Za-z0-9]+)?$/);
  const number = numberMatch ? Number(numberMatch[1]) : null;
  const result = await scope.db.execute<SearchRow>(sql`
    with q as (select websearch_to_tsquery('english', ${input.query}) as q),
    hits as (
      select t.id, ts_rank(t.search, q.q) * 2 as rank from tickets t, q
        where t.tenant_id = ${scope.tenantId} and t.search @@ q.q
      union all
      select m.ticket_id, ts_rank(m.search, q.q) from ticket_messages m, q
        where m.tenant_id = ${scope.tenantId} and m.search @@ q.q
      union all
      select t.id, 100 from tickets t where t.tenant_id = ${scope.tenantId} and t.number = ${number}
    ),
    best as (select id, max(rank) as rank from hits group by id order by max(rank) desc limit ${input.limit})
    select t.id, t.number, t.subject, t.status, t.created_at, best.rank,
      ts_headline('english', coalesce(mm.body, t.subject), q.q, 'StartSel=<b>, StopSel=</b>, MaxFragments=1, MaxWords=24, MinWords=8') as snippet
    from best join tickets t on t.id = best.id cross join q
    left join lateral (
      select m.body from ticket_messages m where m.ticket_id = t.id and m.search @@ q.q order by ts_rank(m.search, q.q) desc limit 1
    ) mm on true
    order by best.rank desc, t.updated_at desc
  `);
  return {
    items: result.rows.map((r) => ({
      id: r.id,
      displayNumber: formatTicketNumber(settings, Number(r.number), new Date(r.created_at)),
      subject: r.subject,
      status: r.status,
      snippet: r.snippet,
      rank: Number(r.rank),
    })),
  };
}

import { sql, type SQL } from 'drizzle-orm';
import { formatTicketNumber } from '@/lib/utils/ticket-number';
import type { TenantScope } from '@/server/db/tenant';
import { getTicketSettings } from './settings';

type SearchRow = {
  id: string;
  number: string;
  subject: string;
  status: string;
  created_at: Date;
  snippet: string;
  rank: number;
};

/**
 * Bounds that keep a search's cost independent of how common its words are. A word in a fifth of a large
 * workspace's messages would otherwise have every match fetched and ranked (0.4 s at 250,000 tickets).
 * Each source (subjects, messages) yields up to CANDIDATES matches straight from its GIN index (all of
 * them for a rare word), plus every match among its RECENT_WINDOW newest rows (what a busy desk searching
 * for a common word wants to see); the candidates are then ranked.
 */
const CANDIDATES = 200;
const RECENT_WINDOW = 2_000;

/** A place a search finds tickets in: its table and alias, the column naming the ticket, its recency column. */
type HitSource = { table: 'tickets' | 'ticket_messages'; alias: string; ticketId: string; recency: string };
const SUBJECTS: HitSource = { table: 'tickets', alias: 't', ticketId: 'id', recency: 'updated_at' };
const MESSAGES: HitSource = { table: 'ticket_messages', alias: 'm', ticketId: 'ticket_id', recency: 'created_at' };

/**
 * One source's candidates, each with its search vector: up to CANDIDATES matches straight from the GIN
 * index, plus the matches among its RECENT_WINDOW newest rows (read in the order of its recency index).
 */
function candidateHits(tenantId: string, q: SQL, source: HitSource) {
  const { table, alias, ticketId, recency } = source;
  const rows = sql.raw(`${table} ${alias}`);
  const column = (name: string) => sql.raw(`${alias}.${name}`);
  const columns = sql.raw(`${alias}.${ticketId}, ${alias}.search`);
  return sql`(select ${columns} from ${rows} where ${column('tenant_id')} = ${tenantId} and ${column('search')} @@ ${q} limit ${CANDIDATES})
      union all
      select ${sql.raw(`r.${ticketId}, r.search`)} from (
        select ${columns} from ${rows} where ${column('tenant_id')} = ${tenantId}
          order by ${column(recency)} desc nulls last, ${column('id')} desc nulls last limit ${RECENT_WINDOW}
      ) r where r.search @@ ${q}`;
}

/**
 * Full-text search over subjects and every message, ranked, with a highlighted snippet from the best
 * matching message. A bare number or a formatted ticket number jumps straight to that ticket.
 */
export async function searchTickets(scope: TenantScope, input: { query: string; limit: number }) {
  const settings = await getTicketSettings(scope);
  const numberMatch = input.query.match(/^(?:[A-Za-z]+-)?(?:\d{4}-)?0*(\d{1,12})(?:-[A-Za-z0-9]+)?$/);
  const number = numberMatch ? Number(numberMatch[1]) : null;
  // Inline, not from a CTE: a constant tsquery lets the planner estimate the word's frequency.
  const q = sql`websearch_to_tsquery('english', ${input.query})`;
  const result = await scope.db.execute<SearchRow>(sql`
    with subject_hits as (
      ${candidateHits(scope.tenantId, q, SUBJECTS)}
    ),
    message_hits as (
      ${candidateHits(scope.tenantId, q, MESSAGES)}
    ),
    hits as (
      select id, ts_rank(search, ${q}) * 2 as rank from subject_hits
      union all
      select ticket_id, ts_rank(search, ${q}) from message_hits
      union all
      select t.id, 100 from tickets t where t.tenant_id = ${scope.tenantId} and t.number = ${number}
    ),
    best as (select id, max(rank) as rank from hits group by id order by max(rank) desc limit ${input.limit})
    select t.id, t.number, t.subject, t.status, t.created_at, best.rank,
      ts_headline('english', coalesce(mm.body, t.subject), ${q}, 'StartSel=<b>, StopSel=</b>, MaxFragments=1, MaxWords=24, MinWords=8') as snippet
    from best join tickets t on t.id = best.id
    left join lateral (
      select m.body from ticket_messages m where m.ticket_id = t.id and m.search @@ ${q} order by ts_rank(m.search, ${q}) desc limit 1
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

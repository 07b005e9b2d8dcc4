import { sql, type SQL } from 'drizzle-orm';
import type { ReportDrillMetric, ReportTicketsInput } from '@/lib/validators/reports';
import type { TenantScope } from '@/server/db/tenant';
import { factFilters } from './fact-filters';

const PAGE = 50;

/** Which fact rows a dashboard number counts: the same days and rules the rollups were summed with. */
function counted(metric: ReportDrillMetric, from: string, to: string): SQL {
  const range = (col: string) => sql`${sql.raw(col)} between ${from}::date and ${to}::date`;
  const anyDay = (col: string) =>
    sql`exists (select 1 from unnest(${sql.raw(col)}) d where d between ${from}::date and ${to}::date)`;
  switch (metric) {
    case 'created':
      return range('f.created_day');
    case 'solved':
      return range('f.solved_day');
    case 'one_touch':
      return sql`${range('f.solved_day')} and f.one_touch`;
    case 'responded':
      return range('f.first_response_day');
    case 'rated':
      return range('f.rated_day');
    case 'reopened':
      return anyDay('f.reopen_days');
    case 'sla_breached':
      return anyDay('f.breach_days');
  }
}

/** The day column the list is ordered by: the one its rows are counted on, so an index reads them in order. */
const ORDER_DAY: Record<ReportDrillMetric, string> = {
  created: 'f.created_day',
  solved: 'f.solved_day',
  one_touch: 'f.solved_day',
  responded: 'f.first_response_day',
  rated: 'f.rated_day',
  reopened: 'f.created_day',
  sla_breached: 'f.created_day',
};

/**
 * The tickets behind a dashboard number, newest first, 50 a page. Read from the same fact rows the rollups
 * were built from, so the list's length is the number that was clicked.
 */
export async function listReportTickets(scope: TenantScope, input: ReportTicketsInput) {
  const day = sql.raw(ORDER_DAY[input.metric]);
  const [cursorDay, cursorId] = input.cursor?.split('_') ?? [];
  const { rows } = await scope.db.execute<{
    id: string;
    number: number;
    subject: string;
    status: string;
    priority: string;
    created_at: string;
    day: string;
  }>(sql`
    select t.id, t.number, t.subject, t.status, t.priority, t.created_at, to_char(${day}, 'YYYY-MM-DD') as day
    from analytics_ticket_facts f join tickets t on t.id = f.ticket_id
    where f.tenant_id = ${scope.tenantId} and ${counted(input.metric, input.from, input.to)} ${factFilters(input.filters)}
      ${cursorId ? sql`and (${day}, f.ticket_id) < (${cursorDay}::date, ${cursorId}::uuid)` : sql``}
    order by ${day} desc, f.ticket_id desc
    limit ${PAGE + 1}`);
  const page = rows.slice(0, PAGE);
  const last = page[page.length - 1];
  return {
    tickets: page.map(({ day: _day, created_at, ...t }) => ({
      ...t,
      number: Number(t.number),
      createdAt: new Date(created_at),
    })),
    nextCursor: rows.length > PAGE && last ? `${last.day}_${last.id}` : null,
  };
}

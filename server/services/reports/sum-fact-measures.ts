import { sql } from 'drizzle-orm';
import type { ReportFilters } from '@/lib/reports/report-filters';
import type { TenantScope } from '@/server/db/tenant';
import { factFilters } from './fact-filters';
import {
  measureSumsFromRows,
  sumMeasuresFourWays,
  type DashboardDays,
  type MeasureSumRow,
  type MeasureSums,
} from './measure-sums';

/**
 * The dashboard's sums for tickets matching every filter, from their fact rows: the rollups are kept per
 * dimension and per pair of dimensions, so three filters or more (team AND channel AND tag) are summed here
 * from the very measures the rollups were built from, giving what a rollup for that combination would hold.
 * One statement: the matching facts' measures in the two periods are expanded once and summed per day, metric
 * and bucket (a few thousand rows at most), and those sums are summed again four ways.
 *
 * The cost is per measure of every matching ticket, so each is touched as little as possible: its day stays
 * 'YYYY-MM-DD' text (ordered like the date; cast only for the weekday, after summing), and tickets created
 * after the range are skipped unread (every measure falls on or after its ticket's creation day). The
 * measures are expanded in the select list, not by a lateral join: the planner then puts a cache over the
 * function per fact row, which made the statement about a fifth slower.
 * 'created' and 'solved' count one each on the row's created_day and solved_day (written from the same
 * snapshot as its measures), so the opening backlog is counted from those columns without expanding history.
 */
export async function sumFactMeasures(
  scope: TenantScope,
  filters: ReportFilters,
  days: DashboardDays,
): Promise<MeasureSums> {
  const matching = sql`f.tenant_id = ${scope.tenantId} ${factFilters(filters)}`;
  const { rows } = await scope.db.execute<MeasureSumRow>(
    sql`
    with m as (
      select e ->> 0 as day, e ->> 1 as metric, (e ->> 2)::int as bucket, sum((e ->> 3)::float8) as value
      from (
        select jsonb_array_elements(f.measures) as e from analytics_ticket_facts f
        where ${matching} and f.created_day <= ${days.to}::date
      ) measures
      where e ->> 0 between ${days.previousFrom} and ${days.to}
      group by 1, 2, 3
    )
    ${sumMeasuresFourWays(days)}
    union all
    select 'opening', '', '', 0,
        (count(*) - count(*) filter (where f.solved_day < ${days.previousFrom}::date))::float8
      from analytics_ticket_facts f where ${matching} and f.created_day < ${days.previousFrom}::date`,
  );

  return measureSumsFromRows(rows);
}

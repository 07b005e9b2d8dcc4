import { sql } from 'drizzle-orm';
import type { PairDimension } from '@/lib/reports/rollup-measures';
import type { TenantScope } from '@/server/db/tenant';
import {
  measureSumsFromRows,
  sumMeasuresFourWays,
  type DashboardDays,
  type MeasureSumRow,
  type MeasureSums,
} from './measure-sums';

/**
 * The dashboard's sums for two filters at once, from the pair rollups: one row per day of the two periods
 * (a few hundred), each holding that day's measures, expanded and summed four ways in one statement. The
 * opening backlog reads only the `created:0` and `solved:0` keys of the older days.
 */
export async function sumPairRollupMeasures(
  scope: TenantScope,
  [dimension, value]: readonly [PairDimension, string],
  days: DashboardDays,
): Promise<MeasureSums> {
  const pair = sql`r.tenant_id = ${scope.tenantId} and r.dimension = ${dimension} and r.dimension_value = ${value}`;
  const { rows } = await scope.db.execute<MeasureSumRow>(sql`
    with m as (
      select to_char(r.day, 'YYYY-MM-DD') as day, split_part(e.key, ':', 1) as metric,
        split_part(e.key, ':', 2)::int as bucket, e.value::float8 as value
      from analytics_pair_rollups r cross join lateral jsonb_each_text(r.measures) e
      where ${pair} and r.day between ${days.previousFrom}::date and ${days.to}::date
    )
    ${sumMeasuresFourWays(days)}
    union all
    select 'opening', '', '', 0,
        coalesce(sum((r.measures ->> 'created:0')::float8), 0) - coalesce(sum((r.measures ->> 'solved:0')::float8), 0)
      from analytics_pair_rollups r where ${pair} and r.day < ${days.previousFrom}::date`);
  return measureSumsFromRows(rows);
}

import { sql } from 'drizzle-orm';
import type { ReportFilterDimension } from '@/lib/reports/rollup-measures';
import type { TenantScope } from '@/server/db/tenant';
import { DAILY_METRICS, type DashboardDays, type MeasureSums } from './measure-sums';

type Rows = Array<Record<string, unknown>>;

/**
 * The dashboard's sums for the whole workspace or one dimension value, from the rollups' day rows: a few
 * grouped index scans whatever the number of tickets.
 */
export async function sumRollupMeasures(
  scope: TenantScope,
  filter: [ReportFilterDimension, string] | null,
  days: DashboardDays,
): Promise<MeasureSums> {
  const [dimension, value] = filter ?? ['all', ''];
  const rows = async (q: ReturnType<typeof scope.db.execute>) => (await q).rows as Rows;
  const db = scope.db;
  const inDim = sql`tenant_id = ${scope.tenantId} and dimension = ${dimension} and dimension_value = ${value}`;

  // Sequential on purpose: one transaction is one connection.
  const period = await rows(
    db.execute(sql`
      select (day >= ${days.from}::date) as current, metric, bucket, sum(value)::float8 as value
      from analytics_rollups where ${inDim} and day between ${days.previousFrom}::date and ${days.to}::date
        and metric <> 'busy_hour'
      group by 1, 2, 3`),
  );
  const daily = await rows(
    db.execute(sql`
      select to_char(day, 'YYYY-MM-DD') as day, metric, sum(value)::float8 as value
      from analytics_rollups where ${inDim} and day between ${days.from}::date and ${days.to}::date
        and metric in ${DAILY_METRICS as string[]}
      group by 1, 2`),
  );
  const [opening] = await rows(
    db.execute(sql`
      select coalesce(sum(value) filter (where metric = 'created'), 0)::float8
        - coalesce(sum(value) filter (where metric = 'solved'), 0)::float8 as open
      from analytics_rollups where ${inDim} and day < ${days.previousFrom}::date and metric in ('created', 'solved')`),
  );
  const hours = await rows(
    db.execute(sql`
      select extract(dow from day)::int as weekday, bucket as hour, sum(value)::float8 as count
      from analytics_rollups where ${inDim} and day between ${days.from}::date and ${days.to}::date
        and metric = 'busy_hour'
      group by 1, 2`),
  );
  return {
    period: period.map((r) => ({
      current: Boolean(r.current),
      metric: String(r.metric),
      bucket: Number(r.bucket),
      value: Number(r.value),
    })),
    daily: daily.map((r) => ({ day: String(r.day), metric: String(r.metric), value: Number(r.value) })),
    openAtPrevious: Number(opening?.open ?? 0),
    hours: hours.map((r) => ({ weekday: Number(r.weekday), hour: Number(r.hour), count: Number(r.count) })),
  };
}

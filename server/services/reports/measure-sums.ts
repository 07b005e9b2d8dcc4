import { sql } from 'drizzle-orm';
import type { RollupMetric } from '@/lib/reports/rollup-measures';

/** The days a dashboard sums over: the range asked for (`from` … `to`) and the period of its length before. */
export type DashboardDays = { previousFrom: string; from: string; to: string };

/** The metrics the dashboard draws per day. */
export const DAILY_METRICS: readonly RollupMetric[] = [
  'created',
  'solved',
  'reopened',
  'sla_breached',
  'csat_count',
  'csat_sum',
];

/**
 * What the dashboard reads, already summed in SQL. The rollups (no filter or one) and the ticket facts (two
 * filters or more) both answer in this shape, so one piece of code turns either into figures.
 */
export type MeasureSums = {
  /** Per period (`current`: the range asked for), metric and bucket; the busiest hours are apart. */
  period: Array<{ current: boolean; metric: string; bucket: number; value: number }>;
  /** Per day of the range and metric, buckets summed, for the daily metrics. */
  daily: Array<{ day: string; metric: string; value: number }>;
  /** Tickets created minus tickets solved before the previous period: the backlog it opened with. */
  openAtPrevious: number;
  /** Tickets created in the range per local weekday (0 = Sunday) and hour. */
  hours: Array<{ weekday: number; hour: number; count: number }>;
};

/** A row of a statement that answers every part of MeasureSums at once (`part` says which). */
export type MeasureSumRow = { part: string; key: string; metric: string; bucket: number; value: number };

/**
 * MeasureSums from one statement's rows: `period` keyed 'true' for the range asked for, `daily` by day, `hour`
 * by weekday.
 */
export function measureSumsFromRows(rows: readonly MeasureSumRow[]): MeasureSums {
  const sums: MeasureSums = { period: [], daily: [], openAtPrevious: 0, hours: [] };
  for (const r of rows) {
    const value = Number(r.value);
    if (r.part === 'period')
      sums.period.push({ current: r.key === 'true', metric: r.metric, bucket: Number(r.bucket), value });
    else if (r.part === 'daily') sums.daily.push({ day: r.key, metric: r.metric, value });
    else if (r.part === 'hour') sums.hours.push({ weekday: Number(r.key), hour: Number(r.bucket), count: value });
    else sums.openAtPrevious = value;
  }
  return sums;
}

/**
 * The period, daily and hour parts of a MeasureSums statement, summed from a CTE `m` of (day 'YYYY-MM-DD',
 * metric, bucket, value) over both periods; each source adds its own `opening` part after a `union all`.
 */
export const sumMeasuresFourWays = (days: DashboardDays) => sql`
    select 'period' as part, (day >= ${days.from})::text as key, metric, bucket, sum(value)::float8 as value
      from m where metric <> 'busy_hour' group by 2, 3, 4
    union all
    select 'daily', day, metric, 0, sum(value)::float8
      from m where day >= ${days.from} and metric in ${DAILY_METRICS as string[]} group by 2, 3
    union all
    select 'hour', extract(dow from day::date)::int::text, metric, bucket, sum(value)::float8
      from m where day >= ${days.from} and metric = 'busy_hour' group by 2, 3, 4`;

/**
 * The rollup vocabulary: what a ticket adds to the per-day sums, and how one contribution is told from another.
 * Pure, so the same code decides the consumer's deltas and the tests' expectations.
 */

export const ROLLUP_DIMENSIONS = ['all', 'team', 'agent', 'channel', 'priority', 'category', 'tag'] as const;
export type RollupDimension = (typeof ROLLUP_DIMENSIONS)[number];
/** The dimensions a dashboard may be filtered by (`all` is the unfiltered total). */
export const REPORT_FILTER_DIMENSIONS = ['team', 'agent', 'channel', 'priority', 'category', 'tag'] as const;
export type ReportFilterDimension = (typeof REPORT_FILTER_DIMENSIONS)[number];

export const ROLLUP_METRICS = [
  'created',
  'solved',
  'reopened',
  'replies',
  'one_touch',
  'time_spent',
  'busy_hour',
  'frt',
  'frt_business',
  'resolution',
  'resolution_business',
  'sla_met',
  'sla_breached',
  'csat_requested',
  'csat_count',
  'csat_sum',
  'csat_satisfied',
] as const;
export type RollupMetric = (typeof ROLLUP_METRICS)[number];

/** [local day 'YYYY-MM-DD', metric, bucket, value]: one addition to the rollups, under each dimension of the ticket. */
export type RollupMeasure = [day: string, metric: RollupMetric, bucket: number, value: number];
/** [dimension, value]: the rows of the rollups a ticket counts in. */
export type RollupDimensionValue = [dimension: RollupDimension, value: string];

export type RollupDelta = {
  day: string;
  dimension: RollupDimension;
  dimensionValue: string;
  metric: RollupMetric;
  bucket: number;
  value: number;
};

const keyOf = (d: Omit<RollupDelta, 'value'>) =>
  `${d.dimension}\u0000${d.dimensionValue}\u0000${d.day}\u0000${d.metric}\u0000${d.bucket}`;

/**
 * Sums deltas that hit the same rollup row and drops those that cancel out. Sorted by the rollups' key, so
 * concurrent writers lock rows in one order and cannot deadlock.
 */
export function sumRollupDeltas(deltas: Iterable<RollupDelta>): RollupDelta[] {
  const rows = new Map<string, RollupDelta>();
  for (const d of deltas) {
    const key = keyOf(d);
    const row = rows.get(key);
    if (row) row.value += d.value;
    else rows.set(key, { ...d });
  }
  return [...rows.entries()]
    .filter(([, row]) => row.value !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, row]) => row);
}

type Contribution = { dimensions: readonly RollupDimensionValue[]; measures: readonly RollupMeasure[] };

function* expand(contribution: Contribution | null, sign: 1 | -1): Generator<RollupDelta> {
  if (!contribution) return;
  for (const [dimension, dimensionValue] of contribution.dimensions)
    for (const [day, metric, bucket, value] of contribution.measures)
      yield { day, dimension, dimensionValue, metric, bucket, value: sign * value };
}

/**
 * What the rollups must change by when a ticket's contribution goes from `before` to `after`: nothing when
 * nothing changed, which is what makes applying the same state twice harmless.
 */
export function rollupDeltas(before: Contribution | null, after: Contribution | null): RollupDelta[] {
  return sumRollupDeltas([...expand(before, -1), ...expand(after, 1)]);
}

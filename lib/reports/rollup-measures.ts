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

/** Two filter dimensions at once, named in REPORT_FILTER_DIMENSIONS' order: `team+channel`. */
export type PairDimension = `${ReportFilterDimension}+${ReportFilterDimension}`;
type AnyDimension = RollupDimension | PairDimension;

export type RollupDelta = {
  day: string;
  dimension: AnyDimension;
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

type Contribution = {
  dimensions: ReadonlyArray<readonly [dimension: AnyDimension, value: string]>;
  measures: readonly RollupMeasure[];
};

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

const filterOrder = (d: ReportFilterDimension) => REPORT_FILTER_DIMENSIONS.indexOf(d);

/**
 * The pair rollup row that two filters read: dimension `a+b`, value `va|vb`, in the dimensions' order. Tag
 * comes last in that order and a pair holds one tag at most, so a `|` inside a tag cannot make two pairs
 * read alike.
 */
export function pairOf(
  a: readonly [ReportFilterDimension, string],
  b: readonly [ReportFilterDimension, string],
): [PairDimension, string] {
  const [first, second] = filterOrder(a[0]) <= filterOrder(b[0]) ? [a, b] : [b, a];
  return [`${first[0]}+${second[0]}`, `${first[1]}|${second[1]}`];
}

/** Every pair of a ticket's filter values: what it counts in for any two filters. Two tags never pair. */
export function dimensionPairs(dimensions: readonly RollupDimensionValue[]): Array<[PairDimension, string]> {
  const singles = dimensions.filter((d): d is [ReportFilterDimension, string] => d[0] !== 'all');
  const pairs: Array<[PairDimension, string]> = [];
  for (let i = 0; i < singles.length; i++)
    for (let j = i + 1; j < singles.length; j++)
      if (singles[i]![0] !== singles[j]![0]) pairs.push(pairOf(singles[i]!, singles[j]!));
  return pairs;
}

/** What one ticket adds to the single rollups: its measures under each of its dimension values. */
export type TicketContribution = { dimensions: readonly RollupDimensionValue[]; measures: readonly RollupMeasure[] };

/** A contribution as the pair rollups count it: the same measures under every pair of its dimensions. */
export const asPairContribution = (c: TicketContribution | null) =>
  c && { dimensions: dimensionPairs(c.dimensions), measures: c.measures };

/** One pair rollup row's change: every metric and bucket of one day, keyed `metric:bucket`. */
export type PairRollupDelta = {
  dimension: PairDimension;
  dimensionValue: string;
  day: string;
  measures: Record<string, number>;
};

/**
 * Pair rollup rows hold a whole day's measures in one row (a table of one row per measure would be five times
 * the single rollups). Deltas sorted by key (as sumRollupDeltas returns them) pack into rows in key order.
 */
export function packPairDeltas(sorted: readonly RollupDelta[]): PairRollupDelta[] {
  const rows: PairRollupDelta[] = [];
  for (const d of sorted) {
    let row = rows[rows.length - 1];
    if (!row || row.dimension !== d.dimension || row.dimensionValue !== d.dimensionValue || row.day !== d.day) {
      row = { dimension: d.dimension as PairDimension, dimensionValue: d.dimensionValue, day: d.day, measures: {} };
      rows.push(row);
    }
    const key = `${d.metric}:${d.bucket}`;
    row.measures[key] = (row.measures[key] ?? 0) + d.value;
  }
  return rows;
}

/** What the pair rollups must change by when a ticket's contribution goes from `before` to `after`. */
export const pairRollupDeltas = (before: TicketContribution | null, after: TicketContribution | null) =>
  packPairDeltas(rollupDeltas(asPairContribution(before), asPairContribution(after)));

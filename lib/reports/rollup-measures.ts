/**
 * The rollup vocabulary: what a ticket adds to the per-day sums, and how one contribution is told from another.
 * Pure, so the same code decides the consumer's deltas and the tests' expectations.
 */

export const ROLLUP_DIMENSIONS = ['all', 'team', 'agent', 'channel', 'priority', 'category', 'tag'] as const;
/** The dimensions a dashboard may be filtered by (`all` is the unfiltered total). */
export const REPORT_FILTER_DIMENSIONS = ['team', 'agent', 'channel', 'priority', 'category', 'tag'] as const;
export type ReportFilterDimension = (typeof REPORT_FILTER_DIMENSIONS)[number];
/**
 * The dimensions a ticket has one value of at most. Each pair of them (team + channel, agent + priority…)
 * has rollup rows of its own, so a dashboard filtered by two of them reads day rows like one filtered by
 * one, instead of every matching ticket's facts. A tag is one of many per ticket: its combinations, and any
 * three filters, are summed from the facts.
 */
export const PAIRED_DIMENSIONS = ['team', 'agent', 'channel', 'priority', 'category'] as const;
type PairedDimension = (typeof PAIRED_DIMENSIONS)[number];
/** Two paired dimensions in PAIRED_DIMENSIONS order, e.g. `team+channel`; its value is `<team id>|<channel>`. */
export type RollupPairDimension = `${PairedDimension}+${PairedDimension}`;
export type RollupDimension = (typeof ROLLUP_DIMENSIONS)[number] | RollupPairDimension;

const isPaired = (d: ReportFilterDimension): d is PairedDimension => d !== 'tag';

/**
 * The rollup rows that answer exactly these filters: none → the workspace's, one → its dimension's, two
 * paired ones → their pair's. Null when only the facts can (a tag with another filter, or three filters).
 * The filters come in REPORT_FILTER_DIMENSIONS order (activeFilters), the order pairs are named in.
 */
export function rollupKeyOf(filters: ReadonlyArray<[ReportFilterDimension, string]>): RollupDimensionValue | null {
  if (filters.length === 0) return ['all', ''];
  if (filters.length === 1) return filters[0]!;
  if (filters.length > 2) return null;
  const [[a, va], [b, vb]] = filters as [[ReportFilterDimension, string], [ReportFilterDimension, string]];
  return isPaired(a) && isPaired(b) ? [`${a}+${b}`, `${va}|${vb}`] : null;
}

/** The pair rows of a ticket: every two of its paired dimensions that have a value. */
export function pairedDimensions(values: Partial<Record<PairedDimension, string | null>>): RollupDimensionValue[] {
  const present = PAIRED_DIMENSIONS.filter((d) => values[d]);
  return present.flatMap((a, i) =>
    present.slice(i + 1).map((b) => [`${a}+${b}`, `${values[a]}|${values[b]}`] as RollupDimensionValue),
  );
}

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

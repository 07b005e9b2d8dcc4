/**
 * Durations are kept as histograms so a median or 90th percentile over any range is a sum of day rows, not a
 * scan of tickets. The bounds are the round figures a support lead reads (minutes, then hours, then days),
 * about 50 in all, so a busy day adds at most that many rows per measure. A percentile is reported as the
 * lower bound of the bucket holding it (nearest rank): exact when durations fall on bounds, otherwise at
 * most one bucket low (under 10 minutes exact; within a quarter of the value above).
 */
const H = 60;
const D = 24 * H;
export const DURATION_BOUNDS: readonly number[] = [
  0,
  1,
  2,
  3,
  4,
  5,
  6,
  7,
  8,
  9,
  10,
  12,
  15,
  20,
  25,
  30,
  40,
  50,
  60,
  75,
  90,
  105,
  2 * H,
  150,
  3 * H,
  4 * H,
  5 * H,
  6 * H,
  8 * H,
  10 * H,
  12 * H,
  16 * H,
  20 * H,
  D,
  30 * H,
  36 * H,
  2 * D,
  60 * H,
  3 * D,
  4 * D,
  5 * D,
  7 * D,
  10 * D,
  14 * D,
  21 * D,
  30 * D,
  45 * D,
  60 * D,
  90 * D,
  180 * D,
  365 * D,
];

/** The lower bound (minutes) of the bucket holding a duration of `minutes`. */
export function durationBucket(minutes: number): number {
  const m = Math.max(0, Math.floor(minutes));
  let lo = 0;
  let hi = DURATION_BOUNDS.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (DURATION_BOUNDS[mid]! <= m) lo = mid;
    else hi = mid - 1;
  }
  return DURATION_BOUNDS[lo]!;
}

/** Nearest-rank percentile (0 < p ≤ 1) of a histogram {bucket → count}; null when it is empty. */
export function histogramPercentile(histogram: ReadonlyMap<number, number>, p: number): number | null {
  const buckets = [...histogram.entries()].filter(([, n]) => n > 0).sort(([a], [b]) => a - b);
  const total = buckets.reduce((sum, [, n]) => sum + n, 0);
  if (!total) return null;
  const rank = Math.max(1, Math.ceil(p * total));
  let seen = 0;
  for (const [bucket, n] of buckets) {
    seen += n;
    if (seen >= rank) return bucket;
  }
  return buckets[buckets.length - 1]![0];
}

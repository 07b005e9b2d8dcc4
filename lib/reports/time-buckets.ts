/**
 * Durations are kept as histograms so a median or 90th percentile over any range is a sum of day rows, not a
 * scan of tickets. Buckets are exact to the minute under an hour and widen with the duration; a percentile is
 * reported as the lower bound of the bucket holding it (nearest rank), so it is exact whenever the durations
 * fall on bucket bounds and never off by more than one bucket.
 */
const STEPS: ReadonlyArray<{ upTo: number; width: number }> = [
  { upTo: 60, width: 1 },
  { upTo: 240, width: 5 },
  { upTo: 1440, width: 15 },
  { upTo: 2880, width: 60 },
  { upTo: 43_200, width: 360 },
  { upTo: Number.POSITIVE_INFINITY, width: 1440 },
];

/** The lower bound (minutes) of the bucket holding a duration of `minutes`. */
export function durationBucket(minutes: number): number {
  const m = Math.max(0, Math.floor(minutes));
  let start = 0;
  for (const step of STEPS) {
    if (m < step.upTo) return start + Math.floor((m - start) / step.width) * step.width;
    start = step.upTo;
  }
  return start;
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

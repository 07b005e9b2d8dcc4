import type { MsInterval } from './types';

/** Set operations on half-open [start, end) intervals in epoch ms. Inputs and outputs are sorted and disjoint. */

/** Sorts, drops empty intervals and merges overlapping or touching ones. */
export function normalizeIntervals(intervals: readonly MsInterval[]): MsInterval[] {
  const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
  const merged: MsInterval[] = [];
  for (const interval of sorted) {
    const last = merged[merged.length - 1];
    if (last && interval.start <= last.end) {
      if (interval.end > last.end) merged[merged.length - 1] = { start: last.start, end: interval.end };
    } else {
      merged.push(interval);
    }
  }
  return merged;
}

/** `from` minus `remove`; both normalised. Linear in the total number of intervals. */
export function subtractIntervals(from: readonly MsInterval[], remove: readonly MsInterval[]): MsInterval[] {
  const result: MsInterval[] = [];
  let r = 0;
  for (const interval of from) {
    let start = interval.start;
    while (r < remove.length && remove[r]!.end <= start) r += 1;
    let k = r;
    while (k < remove.length && remove[k]!.start < interval.end) {
      const cut = remove[k]!;
      if (cut.start > start) result.push({ start, end: cut.start });
      start = Math.max(start, cut.end);
      k += 1;
    }
    if (start < interval.end) result.push({ start, end: interval.end });
  }
  return result;
}

/** `a` ∩ `b`; both normalised. */
export function intersectIntervals(a: readonly MsInterval[], b: readonly MsInterval[]): MsInterval[] {
  const result: MsInterval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    const start = Math.max(x.start, y.start);
    const end = Math.min(x.end, y.end);
    if (start < end) result.push({ start, end });
    if (x.end < y.end) i += 1;
    else j += 1;
  }
  return result;
}

export function clipIntervals(intervals: readonly MsInterval[], start: number, end: number): MsInterval[] {
  return intersectIntervals(intervals, [{ start, end }]);
}

export function totalLength(intervals: readonly MsInterval[]): number {
  return intervals.reduce((sum, i) => sum + (i.end - i.start), 0);
}

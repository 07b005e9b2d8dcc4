import { normalizeIntervals } from './interval-math';
import type { MsInterval, Pause } from './types';

/** Pauses as sorted, merged ms intervals; a pause still running (`to: null`) runs to +Infinity. */
export function pausesToIntervals(pauses: readonly Pause[] | undefined): MsInterval[] {
  if (!pauses?.length) return [];
  return normalizeIntervals(
    pauses.map((pause) => {
      const start = pause.from.getTime();
      const end = pause.to === null ? Number.POSITIVE_INFINITY : pause.to.getTime();
      if (Number.isNaN(start) || Number.isNaN(end)) throw new RangeError('A pause has an invalid date.');
      return { start, end };
    }),
  );
}

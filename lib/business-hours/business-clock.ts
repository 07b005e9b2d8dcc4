import type { CompiledCalendar } from './compiled-calendar';
import { clipIntervals, subtractIntervals, totalLength } from './interval-math';
import { openMsIntervals } from './open-intervals';
import { DAY_MS } from './time-units';
import type { MsInterval } from './types';

/**
 * The engine behind addBusinessMinutes and businessMinutesBetween, in epoch ms. Open time is walked window by
 * window (a few local days at a time, each day's intervals converted once), never minute by minute.
 */

const FIRST_WINDOW_MS = 2 * DAY_MS;
const LARGEST_WINDOW_MS = 32 * DAY_MS;
// Beyond this the target can never be met in any sensible sense; stop rather than loop for ages.
const HORIZON_MS = 100 * 366 * DAY_MS;

/**
 * The instant at which `amountMs` of open, unpaused time after `startMs` has elapsed; null when paused for good
 * first. With 0 it is the first open, unpaused instant at or after the start (the start itself when open).
 */
export function addBusinessMs(
  calendar: CompiledCalendar,
  startMs: number,
  amountMs: number,
  pauses: readonly MsInterval[],
): number | null {
  if (calendar.weeklyOpenMinutes === 0) {
    throw new RangeError(
      `Calendar${calendar.name ? ` "${calendar.name}"` : ''} has no opening hours, so no target on it can ever fall due.`,
    );
  }
  const endlessPauseStart =
    pauses.find((pause) => pause.end === Number.POSITIVE_INFINITY)?.start ?? Number.POSITIVE_INFINITY;
  let remaining = amountMs;
  let cursor = startMs;
  let windowMs = FIRST_WINDOW_MS;
  while (cursor - startMs < HORIZON_MS) {
    if (cursor >= endlessPauseStart) return null;
    const windowEnd = cursor + windowMs;
    const counted = subtractIntervals(
      openMsIntervals(calendar, cursor, windowEnd),
      clipIntervals(pauses, cursor, windowEnd),
    );
    for (const interval of counted) {
      const length = interval.end - interval.start;
      if (length >= remaining) return interval.start + remaining;
      remaining -= length;
    }
    cursor = windowEnd;
    windowMs = Math.min(windowMs * 2, LARGEST_WINDOW_MS);
  }
  throw new RangeError(
    'The target does not fall due within 100 years on this calendar; check its opening hours and holidays.',
  );
}

/** Open, unpaused ms in [from, to); negative when `to` is before `from`, so an overdue clock reads below zero. */
export function businessMsBetween(
  calendar: CompiledCalendar,
  fromMs: number,
  toMs: number,
  pauses: readonly MsInterval[],
): number {
  if (toMs < fromMs) return -businessMsBetween(calendar, toMs, fromMs, pauses);
  return totalLength(countedMsIntervals(calendar, fromMs, toMs, pauses));
}

/** The stretches of [from, to) that count: open, not on a holiday, not paused. */
export function countedMsIntervals(
  calendar: CompiledCalendar,
  fromMs: number,
  toMs: number,
  pauses: readonly MsInterval[],
): MsInterval[] {
  return subtractIntervals(openMsIntervals(calendar, fromMs, toMs), clipIntervals(pauses, fromMs, toMs));
}

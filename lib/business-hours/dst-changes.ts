import { formatClockTime } from './clock-time';
import type { CompiledCalendar } from './compiled-calendar';
import { dayToIsoDate, weekdayOfDay } from './local-date';
import { DAY_MS, MINUTE_MS, MINUTES_PER_DAY } from './time-units';
import { offsetAt, readWallTime, utcToWall } from './zoned-time';

/** Daylight-saving facts an explanation must name: clock changes crossed and boundaries that needed a rule. */

/** A moment the zone's clocks moved against UTC. */
export interface OffsetChange {
  readonly atMs: number;
  readonly offsetBeforeMs: number;
  readonly offsetAfterMs: number;
}

// Clocks never change twice within half a day, so sampling at this step finds every change; a binary search
// then pins it to the millisecond.
const SAMPLE_MS = DAY_MS / 2;

/** Every change of UTC offset in (fromMs, toMs], oldest first. */
export function offsetChangesBetween(timeZone: string, fromMs: number, toMs: number): OffsetChange[] {
  const changes: OffsetChange[] = [];
  let previousMs = fromMs;
  let previousOffset = offsetAt(timeZone, fromMs);
  while (previousMs < toMs) {
    const nextMs = Math.min(previousMs + SAMPLE_MS, toMs);
    const nextOffset = offsetAt(timeZone, nextMs);
    if (nextOffset !== previousOffset) {
      // Invariant: offset at `low` is the old one, at `high` the new one.
      let low = previousMs;
      let high = nextMs;
      while (high - low > 1) {
        const middle = Math.floor((low + high) / 2);
        if (offsetAt(timeZone, middle) === previousOffset) low = middle;
        else high = middle;
      }
      changes.push({ atMs: high, offsetBeforeMs: previousOffset, offsetAfterMs: nextOffset });
    }
    previousMs = nextMs;
    previousOffset = nextOffset;
  }
  return changes;
}

/** An opening or closing time of the weekly hours that, on one date, did not exist or happened twice. */
export interface DstBoundary {
  /** Local date of the wall time (an overnight interval's closing time is on the next date). */
  readonly date: string;
  /** 'HH:MM' as written in the calendar. */
  readonly wallTime: string;
  readonly edge: 'opens' | 'closes';
  /** gap: the time did not exist (spring forward); ambiguous: it happened twice (fall back). */
  readonly kind: 'gap' | 'ambiguous';
  /** The instant used; for a gap, how far forward the time moved (the gap's length). */
  readonly instantMs: number;
  readonly shiftMinutes: number;
}

/**
 * Boundaries of the weekly hours (holidays excluded) that fall into a spring-forward gap or a fall-back
 * overlap on a local date touched by [fromMs, toMs], with the instant the RFC 5545 reading gave them.
 */
export function dstBoundariesBetween(
  calendar: CompiledCalendar,
  fromMs: number,
  toMs: number,
  changes: readonly OffsetChange[],
): DstBoundary[] {
  if (changes.length === 0) return [];
  // Only the local dates around a change can hold a boundary that did not exist or happened twice.
  const days = new Set<number>();
  for (const change of changes) {
    const day = Math.floor(utcToWall(calendar.timeZone, change.atMs) / DAY_MS);
    days
      .add(day - 1)
      .add(day)
      .add(day + 1);
  }
  const boundaries: DstBoundary[] = [];
  for (const day of [...days].sort((a, b) => a - b)) {
    if (calendar.holidayDays.has(day)) continue;
    for (const interval of calendar.weekly[weekdayOfDay(day)] ?? []) {
      for (const [edge, minutes] of [
        ['opens', interval.start],
        ['closes', interval.end],
      ] as const) {
        const wallMs = day * DAY_MS + minutes * MINUTE_MS;
        const reading = readWallTime(calendar.timeZone, wallMs);
        if (reading.kind === 'exact' || reading.instant < fromMs || reading.instant > toMs) continue;
        const localMinutes = minutes % MINUTES_PER_DAY;
        boundaries.push({
          date: dayToIsoDate(day + Math.floor(minutes / MINUTES_PER_DAY)),
          wallTime: formatClockTime(localMinutes),
          edge,
          kind: reading.kind,
          instantMs: reading.instant,
          shiftMinutes: reading.kind === 'gap' ? reading.shiftMs / MINUTE_MS : 0,
        });
      }
    }
  }
  return boundaries.sort((a, b) => a.instantMs - b.instantMs);
}

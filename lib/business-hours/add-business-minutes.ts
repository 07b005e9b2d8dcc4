import { addBusinessMs, businessMsBetween } from './business-clock';
import { compileCalendar } from './compiled-calendar';
import { pausesToIntervals } from './pauses';
import { MINUTE_MS } from './time-units';
import type { BusinessCalendar, ClosedPause, Pause } from './types';

/**
 * The instant at which `minutes` of business time after `start` have elapsed: only open time on the
 * calendar counts, holidays and paused stretches (ticket pending or on hold) do not.
 *
 * - 0 minutes is due at the next opening: at `start` itself when the calendar is open and unpaused then,
 *   otherwise when it next opens (a zero target received on Saturday is due at Monday 09:00, as most desks
 *   promise "right away" to mean "as soon as we are in"). A calendar that is never open throws, as for any
 *   other target.
 * - Otherwise the due time always lies inside open time or at its end (a target that uses up a day's hours
 *   exactly is due at 17:00, not at 09:00 the next open day).
 * - With a pause still running (`to: null`) that starts before the target is met, the due time is unknown
 *   and the result is null; once the pause ends, call again with its end.
 * Exact to the millisecond; fractional minutes are rounded to the nearest millisecond.
 */
export function addBusinessMinutes(
  calendar: BusinessCalendar,
  start: Date,
  minutes: number,
  pauses?: readonly ClosedPause[],
): Date;
export function addBusinessMinutes(
  calendar: BusinessCalendar,
  start: Date,
  minutes: number,
  pauses?: readonly Pause[],
): Date | null;
export function addBusinessMinutes(
  calendar: BusinessCalendar,
  start: Date,
  minutes: number,
  pauses?: readonly Pause[],
): Date | null {
  const due = addBusinessMs(
    compileCalendar(calendar),
    validInstant(start, 'start'),
    minutesToMs(minutes),
    pausesToIntervals(pauses),
  );
  return due === null ? null : new Date(due);
}

/**
 * Business minutes in [from, to): open, not on a holiday, not paused. Negative (the same amount) when `to`
 * is before `from`, so "time left" on an overdue target reads below zero.
 */
export function businessMinutesBetween(
  calendar: BusinessCalendar,
  from: Date,
  to: Date,
  pauses?: readonly Pause[],
): number {
  return (
    businessMsBetween(
      compileCalendar(calendar),
      validInstant(from, 'from'),
      validInstant(to, 'to'),
      pausesToIntervals(pauses),
    ) / MINUTE_MS
  );
}

export function minutesToMs(minutes: number): number {
  if (!Number.isFinite(minutes) || minutes < 0)
    throw new RangeError(`A target must be zero or more minutes, not ${minutes}.`);
  return Math.round(minutes * MINUTE_MS);
}

export function validInstant(date: Date, label: string): number {
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`The ${label} time is not a valid date.`);
  return ms;
}

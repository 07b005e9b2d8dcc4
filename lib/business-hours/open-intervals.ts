import { compileCalendar, type CompiledCalendar } from './compiled-calendar';
import { clipIntervals, normalizeIntervals, subtractIntervals } from './interval-math';
import { weekdayOfDay } from './local-date';
import { DAY_MS, MINUTE_MS } from './time-units';
import type { BusinessCalendar, MsInterval, UtcInterval } from './types';
import { utcToWall, wallToUtc } from './zoned-time';

/**
 * The UTC instants in [from, to) at which the calendar is open, sorted, disjoint and merged where they touch.
 *
 * Each weekly interval's local start and end are turned into instants separately (see `wallToUtc`), so the
 * open time is REAL elapsed time: Berlin 01:00–05:00 on 2025-03-30 is 3 hours, on 2025-10-26 it is 5 hours.
 * A holiday closes its whole local day, including the part of an overnight interval that spills into it.
 */
export function openIntervalsBetween(calendar: BusinessCalendar, from: Date, to: Date): UtcInterval[] {
  return openMsIntervals(compileCalendar(calendar), from.getTime(), to.getTime()).map(toUtcInterval);
}

export function openMsIntervals(
  calendar: CompiledCalendar,
  fromMs: number,
  toMs: number,
  options: { skipHolidays?: boolean } = {},
): MsInterval[] {
  if (!(toMs > fromMs)) return [];
  const { firstDay, lastDay } = localDayRange(calendar, fromMs, toMs);
  const open: MsInterval[] = [];
  for (let day = firstDay; day <= lastDay; day += 1) {
    const midnight = day * DAY_MS;
    for (const { start, end } of calendar.weekly[weekdayOfDay(day)] ?? []) {
      open.push({
        start: wallToUtc(calendar.timeZone, midnight + start * MINUTE_MS),
        end: wallToUtc(calendar.timeZone, midnight + end * MINUTE_MS),
      });
    }
  }
  const merged = normalizeIntervals(open);
  const withoutHolidays =
    options.skipHolidays === false ? merged : subtractIntervals(merged, holidayIntervals(calendar, firstDay, lastDay));
  return clipIntervals(withoutHolidays, fromMs, toMs);
}

/** The closed stretch of each holiday between two local days, as instants (sorted, merged). */
export function holidayIntervals(calendar: CompiledCalendar, firstDay: number, lastDay: number): MsInterval[] {
  const closed: MsInterval[] = [];
  if (calendar.holidayDays.size === 0) return closed;
  for (let day = firstDay; day <= lastDay; day += 1) {
    if (calendar.holidayDays.has(day)) closed.push(localDayInstants(calendar, day));
  }
  return normalizeIntervals(closed);
}

/** Local midnight to the next local midnight, as instants. */
export function localDayInstants(calendar: CompiledCalendar, day: number): MsInterval {
  return { start: wallToUtc(calendar.timeZone, day * DAY_MS), end: wallToUtc(calendar.timeZone, (day + 1) * DAY_MS) };
}

/**
 * Local days whose intervals can touch [from, to). One extra day before catches overnight intervals from
 * the day before; one more each side keeps a zone that moves its clocks across midnight safe.
 */
export function localDayRange(calendar: CompiledCalendar, fromMs: number, toMs: number) {
  return {
    firstDay: Math.floor(utcToWall(calendar.timeZone, fromMs) / DAY_MS) - 2,
    lastDay: Math.floor(utcToWall(calendar.timeZone, toMs) / DAY_MS) + 1,
  };
}

export function toUtcInterval(interval: MsInterval): UtcInterval {
  return { start: new Date(interval.start), end: new Date(interval.end) };
}

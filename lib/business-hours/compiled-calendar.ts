import { intervalMinutes } from './clock-time';
import { isoDateToDay } from './local-date';
import type { BusinessCalendar } from './types';
import { isKnownTimeZone } from './zoned-time';

/** A calendar with its times parsed to minutes and its holidays to day numbers, ready for the hot loops. */
export interface CompiledCalendar {
  readonly name: string | null;
  readonly timeZone: string;
  /** Per weekday, sorted by start: minutes after that day's local midnight; `end` may run past 1440. */
  readonly weekly: ReadonlyArray<ReadonlyArray<{ start: number; end: number }>>;
  readonly holidayDays: ReadonlySet<number>;
  /** Nominal open minutes in a week (ignoring DST and holidays); 0 means the calendar is never open. */
  readonly weeklyOpenMinutes: number;
}

// Calendars are plain data loaded once per request or job; compiling each one once keeps day-by-day
// iteration from re-parsing 'HH:MM' strings and holiday lists thousands of times.
const cache = new WeakMap<BusinessCalendar, CompiledCalendar>();

/**
 * Throws RangeError on data the schema would refuse (unknown zone, malformed times or dates): the arithmetic
 * must never guess. Overlaps are tolerated here (merged) since they cannot make a due time wrong.
 */
export function compileCalendar(calendar: BusinessCalendar): CompiledCalendar {
  const cached = cache.get(calendar);
  if (cached) return cached;
  if (!isKnownTimeZone(calendar.timeZone)) throw new RangeError(`Unknown time zone "${calendar.timeZone}".`);
  if (calendar.weekly.length !== 7)
    throw new RangeError('A calendar needs weekly hours for exactly 7 days (Sunday first).');
  const weekly = calendar.weekly.map((day) => day.map(intervalMinutes).sort((a, b) => a.start - b.start));
  const holidayDays = new Set<number>();
  for (const iso of calendar.holidays) {
    const day = isoDateToDay(iso);
    if (day === null) throw new RangeError(`Holiday "${iso}" is not a date like 2025-12-25.`);
    holidayDays.add(day);
  }
  const compiled: CompiledCalendar = {
    name: calendar.name ?? null,
    timeZone: calendar.timeZone,
    weekly,
    holidayDays,
    weeklyOpenMinutes: weekly.flat().reduce((sum, i) => sum + (i.end - i.start), 0),
  };
  cache.set(calendar, compiled);
  return compiled;
}

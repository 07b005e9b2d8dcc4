import { z } from 'zod';
import { CLOCK_END_PATTERN, CLOCK_TIME_PATTERN, intervalMinutes } from './clock-time';
import { isoDateToDay } from './local-date';
import { MINUTES_PER_DAY } from './time-units';
import { WEEKDAY_NAMES } from './weekdays';
import { isKnownTimeZone } from './zoned-time';

/** Validation for business-hours calendars, shared by the admin form and the procedure that saves one. */

export const MAX_INTERVALS_PER_DAY = 12;
export const MAX_HOLIDAYS = 2000;

export const timeZoneSchema = z
  .string()
  .trim()
  .min(1, { message: 'Choose a time zone, such as Europe/Berlin or America/New_York.' })
  .superRefine((zone, ctx) => {
    if (!isKnownTimeZone(zone)) {
      ctx.addIssue({
        code: 'custom',
        message: `Unknown time zone "${zone}". Use an IANA name such as Europe/Berlin or America/New_York.`,
      });
    }
  });

export const clockIntervalSchema = z.strictObject({
  start: z
    .string()
    .trim()
    .regex(CLOCK_TIME_PATTERN, { message: 'Use a start time like 09:00 (HH:MM, 24-hour clock, 00:00 to 23:59).' }),
  end: z.string().trim().regex(CLOCK_END_PATTERN, {
    message: 'Use an end time like 17:30 (HH:MM, 24-hour clock); 24:00 means midnight at the end of the day.',
  }),
});

export const holidayDateSchema = z
  .string()
  .trim()
  .superRefine((date, ctx) => {
    if (isoDateToDay(date) === null) {
      ctx.addIssue({
        code: 'custom',
        message: `"${date}" is not a date. Write holidays as YYYY-MM-DD, like 2025-12-25.`,
      });
    }
  });

export const businessCalendarSchema = z
  .strictObject({
    name: z
      .string()
      .trim()
      .min(1, { message: 'Give the calendar a name.' })
      .max(80, { message: 'Use at most 80 characters for the name.' })
      .optional(),
    timeZone: timeZoneSchema,
    weekly: z
      .array(
        z
          .array(clockIntervalSchema)
          .max(MAX_INTERVALS_PER_DAY, { message: `Use at most ${MAX_INTERVALS_PER_DAY} intervals on one day.` }),
        {
          message: 'Give opening hours for each day of the week.',
        },
      )
      .length(7, { message: 'Give opening hours for all 7 days, Sunday first (an empty list means closed).' }),
    // Duplicates are harmless, so they are dropped rather than refused; sorted so saved calendars compare equal.
    holidays: z
      .array(holidayDateSchema)
      .max(MAX_HOLIDAYS, { message: `Use at most ${MAX_HOLIDAYS} holidays; remove past years first.` })
      .default([])
      .transform((dates) => [...new Set(dates)].sort()),
  })
  .superRefine((calendar, ctx) => {
    const placed = placeOnWeek(calendar.weekly);
    if (placed === null) return; // malformed times already reported field by field
    if (placed.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['weekly'],
        message: 'Add at least one opening interval: a calendar that is never open can never meet a target.',
      });
      return;
    }
    for (const [earlier, later] of overlappingPairs(placed)) {
      ctx.addIssue({
        code: 'custom',
        path: ['weekly', later.day, later.index],
        message: `${describe(later)} overlaps ${describe(earlier)}. Change or remove one of them so they don't overlap.`,
      });
    }
  });

export type BusinessCalendarInput = z.input<typeof businessCalendarSchema>;

interface PlacedInterval {
  day: number;
  index: number;
  start: string;
  end: string;
  /** Minutes after Sunday 00:00; an overnight Saturday interval runs past the week's end. */
  weekStart: number;
  weekEnd: number;
}

const WEEK_MINUTES = 7 * MINUTES_PER_DAY;

function placeOnWeek(weekly: ReadonlyArray<ReadonlyArray<{ start: string; end: string }>>): PlacedInterval[] | null {
  const placed: PlacedInterval[] = [];
  for (const [day, intervals] of weekly.entries()) {
    for (const [index, interval] of intervals.entries()) {
      if (!CLOCK_TIME_PATTERN.test(interval.start) || !CLOCK_END_PATTERN.test(interval.end)) return null;
      const { start, end } = intervalMinutes(interval);
      placed.push({
        day,
        index,
        ...interval,
        weekStart: day * MINUTES_PER_DAY + start,
        weekEnd: day * MINUTES_PER_DAY + end,
      });
    }
  }
  return placed;
}

/** Each pair of intervals sharing time, including Saturday-night spill into Sunday morning. Touching is fine. */
function overlappingPairs(placed: PlacedInterval[]): Array<[PlacedInterval, PlacedInterval]> {
  const pairs: Array<[PlacedInterval, PlacedInterval]> = [];
  for (let i = 0; i < placed.length; i += 1) {
    for (let j = i + 1; j < placed.length; j += 1) {
      const a = placed[i]!;
      const b = placed[j]!;
      // Compare on the circular week: also shift one interval a week either way.
      const overlaps = [-WEEK_MINUTES, 0, WEEK_MINUTES].some(
        (shift) => a.weekStart + shift < b.weekEnd && b.weekStart < a.weekEnd + shift,
      );
      if (overlaps) pairs.push([a, b]);
    }
  }
  return pairs;
}

function describe(interval: PlacedInterval): string {
  const overnight =
    interval.weekEnd - interval.weekStart > 0 && interval.weekEnd > (interval.day + 1) * MINUTES_PER_DAY;
  return `${WEEKDAY_NAMES[interval.day]} ${interval.start}–${interval.end}${overnight ? ' (overnight)' : ''}`;
}

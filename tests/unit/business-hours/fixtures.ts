import type { BusinessCalendar, ClockInterval } from '@/lib/business-hours';

/** Calendar builders for the business-hours tests. Not a test file: vitest only collects *.test.ts. */

export const NEW_YORK = 'America/New_York';
export const BERLIN = 'Europe/Berlin';

const MONDAY_TO_FRIDAY = [1, 2, 3, 4, 5];
const EVERY_DAY = [0, 1, 2, 3, 4, 5, 6];

/** The same intervals on the given weekdays (0 = Sunday), closed on the others. */
export function calendar(
  timeZone: string,
  intervals: ClockInterval[],
  options: { days?: number[]; holidays?: string[]; name?: string } = {},
): BusinessCalendar {
  const days = options.days ?? MONDAY_TO_FRIDAY;
  return {
    ...(options.name ? { name: options.name } : {}),
    timeZone,
    weekly: Array.from({ length: 7 }, (_, day) => (days.includes(day) ? intervals : [])),
    holidays: options.holidays ?? [],
  };
}

export const nineToFive = (timeZone: string, holidays: string[] = []) =>
  calendar(timeZone, [{ start: '09:00', end: '17:00' }], { holidays });
export const everyDay = (timeZone: string, intervals: ClockInterval[], holidays: string[] = []) =>
  calendar(timeZone, intervals, { days: EVERY_DAY, holidays });

export const utc = (iso: string) => new Date(iso.endsWith('Z') ? iso : `${iso}Z`);
export const iso = (date: Date | null) => date?.toISOString() ?? null;
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

import { DAY_MS } from './time-units';

/**
 * Local calendar dates as whole day numbers (days since 1970-01-01, proleptic Gregorian). Date arithmetic on
 * day numbers is plain integer arithmetic and never touches a time zone.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of an ISO date, or null when it is malformed or not a real date (2025-02-30). */
export function isoDateToDay(iso: string): number | null {
  const match = ISO_DATE.exec(iso);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = utcMs(year, month, day);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() + 1 !== month || back.getUTCDate() !== day) return null;
  return Math.round(ms / DAY_MS);
}

export function dayToIsoDate(dayNumber: number): string {
  const date = new Date(dayNumber * DAY_MS);
  return `${String(date.getUTCFullYear()).padStart(4, '0')}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`;
}

/** 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday. */
export function weekdayOfDay(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** Epoch ms of a UTC date-time; unlike Date.UTC, years 0–99 are not shifted into the 1900s. */
export function utcMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  return date.getTime();
}

export function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

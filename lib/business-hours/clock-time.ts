import { MINUTES_PER_DAY } from './time-units';

/** 'HH:MM' from 00:00 to 23:59; an end may also be '24:00' (midnight closing the day). */
export const CLOCK_TIME_PATTERN = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
export const CLOCK_END_PATTERN = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;

/** Minutes after local midnight. Throws on a malformed value: callers validate with the schema first. */
export function parseClockTime(value: string): number {
  if (!CLOCK_END_PATTERN.test(value))
    throw new RangeError(`"${value}" is not a time like 09:00 (HH:MM, 24-hour clock).`);
  return Number(value.slice(0, 2)) * 60 + Number(value.slice(3, 5));
}

/**
 * Start and end of a weekly interval in minutes after the start of its own day. An end at or before the
 * start runs into the next day, so the end may exceed 1440 (and is at most 2880 - 1).
 */
export function intervalMinutes(interval: { start: string; end: string }): { start: number; end: number } {
  const start = parseClockTime(interval.start);
  if (start >= MINUTES_PER_DAY) throw new RangeError('An interval cannot start at 24:00; use 00:00 of the next day.');
  const end = parseClockTime(interval.end);
  return { start, end: end <= start ? end + MINUTES_PER_DAY : end };
}

export function formatClockTime(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

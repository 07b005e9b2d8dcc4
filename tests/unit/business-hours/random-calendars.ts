import {
  businessCalendarSchema,
  type BusinessCalendar,
  type ClockInterval,
  type ClosedPause,
} from '@/lib/business-hours';
import { DAY, MINUTE } from './fixtures';
import type { Random } from './seeded-random';

/** Generators for the property tests: valid random calendars, starts near clock changes, targets and pauses. */

export const DST_ZONES = [
  'America/New_York',
  'Europe/Berlin',
  'Australia/Sydney',
  'Australia/Lord_Howe',
  'America/Santiago',
] as const;
export const FIXED_ZONES = ['UTC', 'Asia/Tokyo', 'Asia/Kolkata'] as const;

// Clock changes in 2025 for the zones above, so starts often land on the awkward days.
const CLOCK_CHANGES = [
  '2025-03-09T07:00Z',
  '2025-11-02T06:00Z', // New York
  '2025-03-30T01:00Z',
  '2025-10-26T01:00Z', // Berlin
  '2025-04-05T16:00Z',
  '2025-10-04T16:00Z', // Sydney
  '2025-04-05T15:00Z',
  '2025-10-04T15:30Z', // Lord Howe
  '2025-04-06T03:00Z',
  '2025-09-07T04:00Z', // Santiago
].map((iso) => Date.parse(iso));

const time = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

function randomDay(random: Random): ClockInterval[] {
  const count = random.pick([0, 0, 1, 1, 1, 2, 2, 3]);
  const points = new Set<number>();
  while (points.size < count * 2) points.add(random.int(0, 96) * 15);
  const sorted = [...points].sort((a, b) => a - b);
  const intervals: ClockInterval[] = [];
  for (let i = 0; i < sorted.length; i += 2) intervals.push({ start: time(sorted[i]!), end: time(sorted[i + 1]!) });
  const last = intervals[intervals.length - 1];
  // Sometimes run the last interval overnight (the schema weeds out any overlap with the next day).
  if (last && last.start !== '24:00' && random.chance(0.25))
    intervals[intervals.length - 1] = { start: last.start, end: time(random.int(0, 32) * 15) };
  return intervals.filter((interval) => interval.start !== '24:00');
}

function randomHolidays(random: Random): string[] {
  const holidays: string[] = [];
  for (let i = random.int(0, 40); i > 0; i -= 1) {
    holidays.push(new Date(Date.parse('2024-09-01T00:00:00Z') + random.int(0, 730) * DAY).toISOString().slice(0, 10));
  }
  return holidays;
}

export function randomCalendar(
  random: Random,
  zones: readonly string[] = [...DST_ZONES, ...FIXED_ZONES],
): BusinessCalendar {
  for (;;) {
    const candidate = {
      timeZone: random.pick(zones),
      weekly: Array.from({ length: 7 }, () => randomDay(random)),
      holidays: randomHolidays(random),
    };
    const parsed = businessCalendarSchema.safeParse(candidate);
    if (parsed.success) return parsed.data;
  }
}

export function allDayCalendar(timeZone: string): BusinessCalendar {
  return { timeZone, weekly: Array.from({ length: 7 }, () => [{ start: '00:00', end: '24:00' }]), holidays: [] };
}

/** A start in 2024-09 … 2026-03, often within two days of a clock change, sometimes off the whole minute. */
export function randomStart(random: Random): Date {
  const base = random.chance(0.4)
    ? random.pick(CLOCK_CHANGES) + random.int(-2 * 24 * 60, 2 * 24 * 60) * MINUTE
    : Date.parse('2024-09-01T00:00:00Z') + random.int(0, 545 * 24 * 60) * MINUTE;
  return new Date(random.chance(0.15) ? base + random.int(0, 59_999) : base);
}

/** A target from a few minutes to the 10-day low-priority resolution (14,400 min); sometimes fractional or zero. */
export function randomMinutes(random: Random): number {
  const bucket = random.pick(['zero', 'short', 'day', 'long', 'fraction'] as const);
  if (bucket === 'zero') return 0;
  if (bucket === 'short') return random.int(1, 120);
  if (bucket === 'day') return random.int(1, 1_440);
  if (bucket === 'long') return random.int(1, 14_400);
  return random.int(1, 600_000) / 1000;
}

export function randomPauses(random: Random, start: Date, count = random.int(0, 3)): ClosedPause[] {
  return Array.from({ length: count }, () => {
    const from = start.getTime() + random.int(-24 * 60, 20 * 24 * 60) * MINUTE;
    return { from: new Date(from), to: new Date(from + random.int(1, 3 * 24 * 60) * MINUTE) };
  });
}

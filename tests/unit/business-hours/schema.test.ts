import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { ALWAYS_OPEN_CALENDAR, businessCalendarSchema, type BusinessCalendar } from '@/lib/business-hours';

const week = (
  monday: Array<{ start: string; end: string }>,
  rest: Partial<Record<number, Array<{ start: string; end: string }>>> = {},
) => Array.from({ length: 7 }, (_, day) => (day === 1 ? monday : (rest[day] ?? [])));
const base = { timeZone: 'Europe/Berlin', weekly: week([{ start: '09:00', end: '17:00' }]), holidays: [] as string[] };
const messages = (input: unknown) => businessCalendarSchema.safeParse(input).error?.issues.map((i) => i.message) ?? [];
const paths = (input: unknown) =>
  businessCalendarSchema.safeParse(input).error?.issues.map((i) => i.path.join('.')) ?? [];

describe('businessCalendarSchema', () => {
  it('parses into the shape the arithmetic takes', () => {
    expectTypeOf<z.output<typeof businessCalendarSchema>>().toExtend<BusinessCalendar>();
    expect(businessCalendarSchema.parse(ALWAYS_OPEN_CALENDAR)).toEqual(ALWAYS_OPEN_CALENDAR);
  });

  it('accepts several intervals a day, overnight intervals, 24:00 and intervals that touch', () => {
    const weekly = week(
      [
        { start: '09:00', end: '12:00' },
        { start: '12:00', end: '17:00' },
        { start: '22:00', end: '06:00' },
      ],
      {
        2: [{ start: '06:00', end: '24:00' }],
        6: [{ start: '20:00', end: '02:00' }],
        0: [{ start: '02:00', end: '04:00' }],
      },
    );
    expect(businessCalendarSchema.safeParse({ ...base, weekly }).success).toBe(true);
  });

  it('trims, drops duplicate holidays and sorts them', () => {
    const parsed = businessCalendarSchema.parse({
      ...base,
      timeZone: ' UTC ',
      holidays: ['2025-12-26', ' 2025-12-25', '2025-12-26'],
    });
    expect(parsed.timeZone).toBe('UTC');
    expect(parsed.holidays).toEqual(['2025-12-25', '2025-12-26']);
    expect(businessCalendarSchema.parse({ timeZone: 'UTC', weekly: base.weekly }).holidays).toEqual([]);
  });

  it.each([
    [
      { ...base, timeZone: 'Europe/Berlinn' },
      'Unknown time zone "Europe/Berlinn". Use an IANA name such as Europe/Berlin or America/New_York.',
    ],
    [{ ...base, timeZone: '+02:00' }, 'Unknown time zone "+02:00"'],
    [{ ...base, timeZone: '' }, 'Choose a time zone'],
    [{ ...base, weekly: week([{ start: '9:00', end: '17:00' }]) }, 'Use a start time like 09:00'],
    [{ ...base, weekly: week([{ start: '24:00', end: '02:00' }]) }, 'Use a start time like 09:00'],
    [{ ...base, weekly: week([{ start: '09:00', end: '17:60' }]) }, 'Use an end time like 17:30'],
    [{ ...base, weekly: week([{ start: '09:00', end: '25:00' }]) }, '24:00 means midnight'],
    [{ ...base, weekly: base.weekly.slice(0, 5) }, 'Give opening hours for all 7 days, Sunday first'],
    [{ ...base, weekly: week([]) }, 'Add at least one opening interval'],
    [
      { ...base, holidays: ['2025-02-30'] },
      '"2025-02-30" is not a date. Write holidays as YYYY-MM-DD, like 2025-12-25.',
    ],
    [{ ...base, holidays: ['25/12/2025'] }, 'Write holidays as YYYY-MM-DD'],
  ])('refuses %j with an actionable message', (input, expected) => {
    expect(messages(input).join(' | ')).toContain(expected);
  });

  it('names both intervals of an overlap, on the interval to change', () => {
    const input = {
      ...base,
      weekly: week([
        { start: '09:00', end: '12:00' },
        { start: '11:00', end: '13:00' },
      ]),
    };
    expect(messages(input)).toEqual([
      "Monday 11:00–13:00 overlaps Monday 09:00–12:00. Change or remove one of them so they don't overlap.",
    ]);
    expect(paths(input)).toEqual(['weekly.1.1']);
  });

  it('finds an overnight interval running into the next day’s hours, including Saturday into Sunday', () => {
    const mondayNight = {
      ...base,
      weekly: week([{ start: '22:00', end: '06:00' }], { 2: [{ start: '05:00', end: '09:00' }] }),
    };
    expect(messages(mondayNight)).toEqual([
      "Tuesday 05:00–09:00 overlaps Monday 22:00–06:00 (overnight). Change or remove one of them so they don't overlap.",
    ]);
    const saturdayNight = {
      ...base,
      weekly: week([], { 6: [{ start: '22:00', end: '03:00' }], 0: [{ start: '02:00', end: '04:00' }] }),
    };
    expect(messages(saturdayNight)[0]).toContain('Saturday 22:00–03:00 (overnight)');
    expect(messages(saturdayNight)[0]).toContain('Sunday 02:00–04:00');
  });

  it('refuses unknown keys and too many intervals', () => {
    expect(businessCalendarSchema.safeParse({ ...base, extra: 1 }).success).toBe(false);
    const crowded = week(
      Array.from({ length: 13 }, (_, i) => ({
        start: `${String(i).padStart(2, '0')}:00`,
        end: `${String(i).padStart(2, '0')}:30`,
      })),
    );
    expect(messages({ ...base, weekly: crowded })).toContain('Use at most 12 intervals on one day.');
  });
});

import { describe, expect, it } from 'vitest';
import {
  addBusinessMinutes,
  ALWAYS_OPEN_CALENDAR,
  toZonedInstant,
  type BusinessCalendar,
  type ClockInterval,
} from '@/lib/business-hours';
import { describeResponsePromise } from '@/lib/sla';

// The customer's promise must say what the SLA computes. Every case takes its due time from the same
// arithmetic the SLA clocks use, on calendars with 8-hour, 10-hour, split and 24×7 days.

const weekdays = (name: string, timeZone: string, intervals: ClockInterval[]): BusinessCalendar => ({
  name,
  timeZone,
  weekly: Array.from({ length: 7 }, (_, day) => (day >= 1 && day <= 5 ? intervals : [])),
  holidays: [],
});
const everyDay = (name: string, timeZone: string): BusinessCalendar => ({
  name,
  timeZone,
  weekly: Array.from({ length: 7 }, () => [{ start: '00:00', end: '24:00' }]),
  holidays: [],
});

const CALENDARS: BusinessCalendar[] = [
  weekdays('8-hour days', 'Europe/Berlin', [{ start: '09:00', end: '17:00' }]),
  weekdays('10-hour days', 'America/New_York', [{ start: '08:00', end: '18:00' }]),
  weekdays('split days', 'Europe/Berlin', [
    { start: '09:00', end: '12:00' },
    { start: '13:00', end: '17:00' },
  ]),
  ALWAYS_OPEN_CALENDAR,
  everyDay('24×7 in New York', 'America/New_York'),
];

const promise = (calendar: BusinessCalendar, start: string, targetMinutes: number) => {
  const startedAt = new Date(start);
  const dueAt = addBusinessMinutes(calendar, startedAt, targetMinutes);
  return {
    text: describeResponsePromise({ startedAt, dueAt, targetMinutes, timeZone: calendar.timeZone }),
    startedAt,
    dueAt,
  };
};

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

describe('describeResponsePromise', () => {
  it('a 2,880-minute target on 9:00–17:00 is six business days away, and says the date, never "2 days"', () => {
    // Tue 2026-03-03 13:00 CET + 48 business hours of 8-hour days = Wed 2026-03-11 13:00 CET.
    const { text } = promise(CALENDARS[0]!, '2026-03-03T12:00:00Z', 2880);
    expect(text).toBe('by Wednesday 11 March, 13:00 CET');
  });

  it('a target inside one open stretch is plain hours, with the due time', () => {
    expect(promise(CALENDARS[0]!, '2026-03-03T09:00:00Z', 240).text).toBe(
      'within 4 hours, by Tuesday 3 March, 14:00 CET',
    );
  });

  it('a target that crosses closed time is business hours, with the due time', () => {
    // 10-hour days in New York: Tue 16:00 EST + 4 h = 2 h today + 2 h Wednesday → Wed 10:00 EST.
    expect(promise(CALENDARS[1]!, '2026-03-03T21:00:00Z', 240).text).toBe(
      'within 4 business hours, by Wednesday 4 March, 10:00 EST',
    );
    // Split days: Tue 10:00 CET + 4 h = 10–12 and 13–15 → 15:00, five wall-clock hours later.
    expect(promise(CALENDARS[2]!, '2026-03-03T09:00:00Z', 240).text).toBe(
      'within 4 business hours, by Tuesday 3 March, 15:00 CET',
    );
  });

  it('around the clock, hours and days are wall-clock time, across a daylight-saving change too', () => {
    expect(promise(ALWAYS_OPEN_CALENDAR, '2026-03-03T12:00:00Z', 1440).text).toBe(
      'within 24 hours, by Wednesday 4 March, 12:00 UTC',
    );
    expect(promise(ALWAYS_OPEN_CALENDAR, '2026-03-03T12:00:00Z', 2880).text).toBe(
      'within 2 days, by Thursday 5 March, 12:00 UTC',
    );
    // New York springs forward on 2026-03-08: 24 real hours after Sat 12:00 EST is Sun 13:00 EDT.
    expect(promise(CALENDARS[4]!, '2026-03-07T17:00:00Z', 1440).text).toBe(
      'within 24 hours, by Sunday 8 March, 13:00 EDT',
    );
  });

  it('a zero target is "right away" in open time, and names the opening in closed time', () => {
    expect(promise(CALENDARS[0]!, '2026-03-03T12:00:00Z', 0).text).toBe('right away');
    expect(promise(CALENDARS[0]!, '2026-03-07T12:00:00Z', 0).text).toBe('when we open, by Monday 9 March, 09:00 CET');
  });

  it('agrees with the computed due time on every calendar shape, start and target', () => {
    const starts = [
      '2026-03-02T06:30:00Z',
      '2026-03-04T11:15:00Z',
      '2026-03-06T16:45:00Z',
      '2026-03-07T10:00:00Z',
      '2026-10-30T15:00:00Z',
      '2026-12-31T16:00:00Z',
    ];
    const targets = [30, 60, 90, 240, 480, 600, 1440, 2880, 7200];
    let cases = 0;
    for (const calendar of CALENDARS) {
      for (const start of starts) {
        for (const target of targets) {
          const { text, startedAt, dueAt } = promise(calendar, start, target);
          const where = `${calendar.name} from ${start}, ${target} min: "${text}"`;
          // The due time itself, on the calendar's clock: weekday, day, month and HH:MM of the computed instant.
          const due = toZonedInstant(calendar.timeZone, dueAt.getTime());
          const [date, time] = due.local.split(' ') as [string, string];
          const [, month, day] = date.split('-').map(Number) as [number, number, number];
          expect(text, where).toContain(`by ${WEEKDAYS[due.weekday]} ${day} ${MONTHS[month - 1]}`);
          expect(text, where).toContain(`${time} `);
          // Any length stated is true: plain hours or days in elapsed time, business hours in target minutes.
          const plain = /^within (\d+) (minute|hour|day)s?,/.exec(text);
          const business = /^within (\d+) business (minute|hour)s?,/.exec(text);
          const unit = { minute: 1, hour: 60, day: 1440 } as const;
          if (plain)
            expect(Number(plain[1]) * unit[plain[2] as keyof typeof unit], where).toBe(
              (dueAt.getTime() - startedAt.getTime()) / 60_000,
            );
          if (business) expect(Number(business[1]) * unit[business[2] as keyof typeof unit], where).toBe(target);
          expect(text, where).not.toMatch(/business days?/);
          cases += 1;
        }
      }
    }
    expect(cases).toBe(CALENDARS.length * 6 * 9);
  });
});

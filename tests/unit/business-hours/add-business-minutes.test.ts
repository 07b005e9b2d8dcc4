import { describe, expect, it } from 'vitest';
import {
  ALWAYS_OPEN_CALENDAR,
  addBusinessMinutes,
  businessMinutesBetween,
  type BusinessCalendar,
} from '@/lib/business-hours';
import { BERLIN, calendar, DAY, everyDay, iso, NEW_YORK, nineToFive, utc } from './fixtures';

const due = (
  cal: BusinessCalendar,
  start: string,
  minutes: number,
  pauses?: Array<{ from: string; to: string | null }>,
) =>
  iso(
    addBusinessMinutes(
      cal,
      utc(start),
      minutes,
      pauses?.map((p) => ({ from: utc(p.from), to: p.to === null ? null : utc(p.to) })),
    ),
  );

// Every expected instant below is worked out by hand; the comments give the local reasoning.
describe('addBusinessMinutes: hand-worked cases', () => {
  describe('ordinary weekdays', () => {
    it('counts inside one day', () => {
      // Berlin Mon 2025-06-02 10:00 CEST (08:00Z) + 3 h → 13:00 CEST
      expect(due(nineToFive(BERLIN), '2025-06-02T08:00', 180)).toBe('2025-06-02T11:00:00.000Z');
    });

    it('is due at the close, not the next opening, when the target uses the day up exactly', () => {
      // Mon 09:00 + 8 h → Mon 17:00 CEST
      expect(due(nineToFive(BERLIN), '2025-06-02T07:00', 480)).toBe('2025-06-02T15:00:00.000Z');
    });

    it('starts counting at the next opening when created in closed time', () => {
      // Saturday 2025-06-07 10:00 CEST + 1 h → Monday 10:00 CEST
      expect(due(nineToFive(BERLIN), '2025-06-07T08:00', 60)).toBe('2025-06-09T08:00:00.000Z');
      // Monday 06:00 (before opening) + 30 min → Monday 09:30
      expect(due(nineToFive(BERLIN), '2025-06-09T04:00', 30)).toBe('2025-06-09T07:30:00.000Z');
    });

    it('zero minutes is due at once in open time, and at the next opening in closed time', () => {
      // Monday 10:00 CEST: open, due at once.
      expect(due(nineToFive(BERLIN), '2025-06-02T08:00', 0)).toBe('2025-06-02T08:00:00.000Z');
      // Saturday 10:00 CEST → Monday 09:00 CEST; Monday 06:00 → 09:00; Monday 17:00 (closing) → Tuesday 09:00.
      expect(due(nineToFive(BERLIN), '2025-06-07T08:00', 0)).toBe('2025-06-09T07:00:00.000Z');
      expect(due(nineToFive(BERLIN), '2025-06-09T04:00', 0)).toBe('2025-06-09T07:00:00.000Z');
      expect(due(nineToFive(BERLIN), '2025-06-09T15:00', 0)).toBe('2025-06-10T07:00:00.000Z');
      // Over a holiday: Friday 2025-12-26 is closed, so Thursday evening's zero target is due Monday 09:00.
      expect(due(nineToFive(BERLIN, ['2025-12-26']), '2025-12-25T18:00', 0)).toBe('2025-12-29T08:00:00.000Z');
    });

    it('zero minutes waits for a pause to end when the ticket is paused at the start', () => {
      const pauses = [{ from: utc('2025-06-02T08:00'), to: utc('2025-06-02T09:15') }];
      expect(addBusinessMinutes(nineToFive(BERLIN), utc('2025-06-02T08:00'), 0, pauses).toISOString()).toBe(
        '2025-06-02T09:15:00.000Z',
      );
      expect(
        addBusinessMinutes(nineToFive(BERLIN), utc('2025-06-02T08:00'), 0, [
          { from: utc('2025-06-02T08:00'), to: null },
        ]),
      ).toBeNull();
    });

    it('keeps fractions of a minute to the millisecond', () => {
      expect(due(nineToFive(BERLIN), '2025-06-02T08:00', 0.5)).toBe('2025-06-02T08:00:30.000Z');
      expect(due(nineToFive(BERLIN), '2025-06-02T08:00', 1 / 60_000)).toBe('2025-06-02T08:00:00.001Z');
    });
  });

  it('24×7 is plain wall-clock addition', () => {
    expect(due(ALWAYS_OPEN_CALENDAR, '2025-03-09T01:00', 10 * 24 * 60)).toBe('2025-03-19T01:00:00.000Z');
    // A 24×7 calendar in New York too: real minutes, whatever the clocks do.
    expect(due(everyDay(NEW_YORK, [{ start: '00:00', end: '24:00' }]), '2025-03-08T12:00', 48 * 60)).toBe(
      '2025-03-10T12:00:00.000Z',
    );
    expect(due(everyDay(NEW_YORK, [{ start: '00:00', end: '00:00' }]), '2025-11-01T12:00', 48 * 60)).toBe(
      '2025-11-03T12:00:00.000Z',
    );
  });

  describe('a target spanning a long weekend', () => {
    it('Fri 16:00 + 4 h → Mon 12:00, or Tue 12:00 when Monday is a holiday', () => {
      // New York, Friday 2025-08-29 16:00 EDT (20:00Z). 1 h on Friday, 3 h on the next open day.
      expect(due(nineToFive(NEW_YORK), '2025-08-29T20:00', 240)).toBe('2025-09-01T16:00:00.000Z');
      expect(due(nineToFive(NEW_YORK, ['2025-09-01']), '2025-08-29T20:00', 240)).toBe('2025-09-02T16:00:00.000Z');
    });

    it('skips a Christmas Thursday and Friday', () => {
      // Wed 2025-12-24 16:00 EST + 2 h: 1 h on Wednesday, then Monday 12-29 09:00–10:00 EST (15:00Z).
      expect(due(nineToFive(NEW_YORK, ['2025-12-25', '2025-12-26']), '2025-12-24T21:00', 120)).toBe(
        '2025-12-29T15:00:00.000Z',
      );
    });

    it('created on a holiday, starts at the next open day', () => {
      expect(due(nineToFive(NEW_YORK, ['2025-12-25', '2025-12-26']), '2025-12-25T15:00', 60)).toBe(
        '2025-12-29T15:00:00.000Z',
      );
    });
  });

  describe('several intervals a day', () => {
    const split = calendar(BERLIN, [
      { start: '09:00', end: '12:00' },
      { start: '13:00', end: '17:00' },
    ]);
    it('skips the lunch break', () => {
      // Mon 2025-06-02 11:00 CEST + 2 h: 1 h to 12:00, 1 h from 13:00 → 14:00 CEST (12:00Z)
      expect(due(split, '2025-06-02T09:00', 120)).toBe('2025-06-02T12:00:00.000Z');
      // created during lunch (12:30) + 30 min → 13:30
      expect(due(split, '2025-06-02T10:30', 30)).toBe('2025-06-02T11:30:00.000Z');
      // a whole day is 7 h: Mon 09:00 + 7 h → Mon 17:00; + 7 h 1 min → Tue 09:01
      expect(due(split, '2025-06-02T07:00', 420)).toBe('2025-06-02T15:00:00.000Z');
      expect(due(split, '2025-06-02T07:00', 421)).toBe('2025-06-03T07:01:00.000Z');
    });
  });

  describe('overnight intervals (22:00–06:00)', () => {
    const nights = everyDay('UTC', [{ start: '22:00', end: '06:00' }]);
    it('counts through midnight and resumes the next night', () => {
      expect(due(nights, '2025-06-02T23:00', 120)).toBe('2025-06-03T01:00:00.000Z');
      // 05:00 + 2 h: 1 h to 06:00, 1 h from 22:00 → 23:00
      expect(due(nights, '2025-06-03T05:00', 120)).toBe('2025-06-03T23:00:00.000Z');
      // created at noon → counting starts at 22:00
      expect(due(nights, '2025-06-03T12:00', 30)).toBe('2025-06-03T22:30:00.000Z');
    });

    it('on weeknights only, Friday night runs into Saturday morning', () => {
      const weeknights = calendar('UTC', [{ start: '22:00', end: '06:00' }], { days: [1, 2, 3, 4, 5] });
      // Fri 2025-06-06 23:00 + 8 h: 7 h to Sat 06:00, then nothing until Mon 22:00 → 23:00
      expect(due(weeknights, '2025-06-06T23:00', 480)).toBe('2025-06-09T23:00:00.000Z');
      // Sunday night is closed: Sun 2025-06-08 03:00 (spill of Saturday night, closed) + 1 h → Mon 23:00
      expect(due(weeknights, '2025-06-08T03:00', 60)).toBe('2025-06-09T23:00:00.000Z');
    });
  });

  describe('daylight saving in New York', () => {
    const nights = everyDay(NEW_YORK, [{ start: '22:00', end: '06:00' }]);
    it('a target spanning spring-forward counts real minutes', () => {
      // Sat 2025-03-08 23:00 EST (04:00Z) + 4 h → 08:00Z = 04:00 EDT (the wall clock moved 5 h)
      expect(due(nights, '2025-03-09T04:00', 240)).toBe('2025-03-09T08:00:00.000Z');
      // Sun 05:00 EDT (09:00Z) + 2 h: 1 h to 06:00 EDT, then Sun 22:00 EDT (Mon 02:00Z) + 1 h
      expect(due(nights, '2025-03-09T09:00', 120)).toBe('2025-03-10T03:00:00.000Z');
      // the 7-hour night is all there is: Sat 22:00 EST + 7 h → Sun 06:00 EDT, + 8 h → Sun 23:00 EDT
      expect(due(nights, '2025-03-09T03:00', 420)).toBe('2025-03-09T10:00:00.000Z');
      expect(due(nights, '2025-03-09T03:00', 480)).toBe('2025-03-10T03:00:00.000Z');
    });

    it('a target spanning fall-back counts the repeated hour', () => {
      // Sat 2025-11-01 23:00 EDT (03:00Z) + 4 h → 07:00Z = 02:00 EST (the wall clock moved 3 h)
      expect(due(nights, '2025-11-02T03:00', 240)).toBe('2025-11-02T07:00:00.000Z');
      // the 9-hour night: Sat 22:00 EDT (02:00Z) + 9 h → Sun 06:00 EST (11:00Z)
      expect(due(nights, '2025-11-02T02:00', 540)).toBe('2025-11-02T11:00:00.000Z');
    });

    it('weekday hours: a target from the Friday before a change ends at the new offset', () => {
      // Fri 2025-10-31 16:00 EDT (20:00Z) + 2 h → Mon 2025-11-03 10:00 EST (15:00Z)
      expect(due(nineToFive(NEW_YORK), '2025-10-31T20:00', 120)).toBe('2025-11-03T15:00:00.000Z');
      // Fri 2025-03-07 16:00 EST (21:00Z) + 2 h → Mon 2025-03-10 10:00 EDT (14:00Z)
      expect(due(nineToFive(NEW_YORK), '2025-03-07T21:00', 120)).toBe('2025-03-10T14:00:00.000Z');
    });
  });

  describe('daylight saving in Berlin', () => {
    const batch = everyDay(BERLIN, [{ start: '01:00', end: '05:00' }]);
    it('a night window of 3 real hours on 2025-03-30', () => {
      // 01:00 CET (00:00Z) + 200 min: 180 min that night, 20 min from Mon 01:00 CEST (Sun 23:00Z)
      expect(due(batch, '2025-03-30T00:00', 200)).toBe('2025-03-30T23:20:00.000Z');
    });

    it('a night window of 5 real hours on 2025-10-26', () => {
      // 01:00 CEST (Sat 23:00Z) + 4 h → 03:00Z = 04:00 CET
      expect(due(batch, '2025-10-25T23:00', 240)).toBe('2025-10-26T03:00:00.000Z');
      expect(due(batch, '2025-10-25T23:00', 300)).toBe('2025-10-26T04:00:00.000Z');
    });

    it('weekday hours across the change', () => {
      // Fri 2025-03-28 16:00 CET (15:00Z) + 2 h → Mon 2025-03-31 10:00 CEST (08:00Z)
      expect(due(nineToFive(BERLIN), '2025-03-28T15:00', 120)).toBe('2025-03-31T08:00:00.000Z');
      // Fri 2025-10-24 16:00 CEST (14:00Z) + 2 h → Mon 2025-10-27 10:00 CET (09:00Z)
      expect(due(nineToFive(BERLIN), '2025-10-24T14:00', 120)).toBe('2025-10-27T09:00:00.000Z');
    });
  });

  describe('pauses', () => {
    // New York weekdays 09:00–17:00; Mon 2025-06-02 16:00 EDT is 20:00Z.
    const cal = nineToFive(NEW_YORK);
    it('add back only the open time they cover', () => {
      // No pause: 1 h Monday + 1 h Tuesday → Tue 10:00 EDT.
      expect(due(cal, '2025-06-02T20:00', 120)).toBe('2025-06-03T14:00:00.000Z');
      // Paused Mon 16:30 → Tue 09:30: 30 open min Monday + 30 Tuesday added back → Tue 11:00 EDT.
      expect(due(cal, '2025-06-02T20:00', 120, [{ from: '2025-06-02T20:30', to: '2025-06-03T13:30' }])).toBe(
        '2025-06-03T15:00:00.000Z',
      );
    });

    it('change nothing when they lie in closed hours', () => {
      expect(due(cal, '2025-06-02T20:00', 120, [{ from: '2025-06-02T22:00', to: '2025-06-03T12:00' }])).toBe(
        '2025-06-03T14:00:00.000Z',
      );
    });

    it('from before the start only count from the start', () => {
      // Paused since last week until Mon 16:15: counting starts 16:15 → Tue 10:15.
      expect(due(cal, '2025-06-02T20:00', 120, [{ from: '2025-05-28T12:00', to: '2025-06-02T20:15' }])).toBe(
        '2025-06-03T14:15:00.000Z',
      );
    });

    it('overlapping pauses count once', () => {
      const pauses = [
        { from: '2025-06-02T20:30', to: '2025-06-03T13:30' },
        { from: '2025-06-03T13:00', to: '2025-06-03T13:15' },
        { from: '2025-06-02T20:30', to: '2025-06-02T20:45' },
      ];
      expect(due(cal, '2025-06-02T20:00', 120, pauses)).toBe('2025-06-03T15:00:00.000Z');
    });

    it('a pause still running before the target is met leaves the due time unknown', () => {
      expect(due(cal, '2025-06-02T20:00', 120, [{ from: '2025-06-03T13:15', to: null }])).toBeNull();
      // ...but one that starts after the due time changes nothing.
      expect(due(cal, '2025-06-02T20:00', 120, [{ from: '2025-06-03T14:00', to: null }])).toBe(
        '2025-06-03T14:00:00.000Z',
      );
    });
  });

  describe('long spans', () => {
    it('10 days of business time on a one-hour-a-week calendar', () => {
      // Mondays 09:00–10:00 UTC only: 14,400 min = 240 Mondays, the first being the start day.
      const mondays = calendar('UTC', [{ start: '09:00', end: '10:00' }], { days: [1] });
      const expected = new Date(Date.parse('2025-01-06T10:00:00Z') + 239 * 7 * DAY).toISOString();
      expect(due(mondays, '2025-01-06T09:00', 14_400)).toBe(expected);
    });

    it('hundreds of holidays', () => {
      // Every Wednesday from 2025 to 2030 is a holiday: weeks have 4 open days of 8 h.
      const wednesdays: string[] = [];
      for (let t = Date.parse('2025-01-01T00:00:00Z'); t < Date.parse('2031-01-01T00:00:00Z'); t += 7 * DAY) {
        wednesdays.push(new Date(t).toISOString().slice(0, 10));
      }
      expect(wednesdays.length).toBeGreaterThan(300);
      const cal = nineToFive('UTC', wednesdays);
      // Mon 2025-01-06 09:00 + 10 weeks × 32 h → the due is Friday 17:00 of the 10th week.
      expect(due(cal, '2025-01-06T09:00', 10 * 32 * 60)).toBe('2025-03-14T17:00:00.000Z');
    });
  });
});

describe('businessMinutesBetween', () => {
  const cal = nineToFive(NEW_YORK);
  it('counts open minutes only', () => {
    // Fri 2025-08-29 16:00 EDT → Tue 12:00 EDT: 1 h + 8 h (Monday) + 3 h
    expect(businessMinutesBetween(cal, utc('2025-08-29T20:00'), utc('2025-09-02T16:00'))).toBe(12 * 60);
    expect(
      businessMinutesBetween(nineToFive(NEW_YORK, ['2025-09-01']), utc('2025-08-29T20:00'), utc('2025-09-02T16:00')),
    ).toBe(4 * 60);
  });

  it('subtracts pauses and is negative when reversed', () => {
    const pauses = [{ from: utc('2025-09-02T13:00'), to: utc('2025-09-02T14:00') }];
    expect(businessMinutesBetween(cal, utc('2025-09-02T13:00'), utc('2025-09-02T16:00'), pauses)).toBe(120);
    expect(businessMinutesBetween(cal, utc('2025-09-02T16:00'), utc('2025-09-02T13:00'))).toBe(-180);
    expect(businessMinutesBetween(cal, utc('2025-09-02T13:00'), utc('2025-09-02T13:00'))).toBe(0);
  });

  it('equals real elapsed time on a 24×7 calendar', () => {
    expect(businessMinutesBetween(ALWAYS_OPEN_CALENDAR, utc('2025-01-01T00:00'), utc('2025-01-01T00:00:30'))).toBe(0.5);
    expect(
      businessMinutesBetween(
        everyDay(BERLIN, [{ start: '00:00', end: '24:00' }]),
        utc('2025-03-29T23:00'),
        utc('2025-03-30T22:00'),
      ),
    ).toBe(23 * 60);
  });
});

describe('refusals', () => {
  it('refuses negative or non-finite targets and invalid dates', () => {
    expect(() => addBusinessMinutes(ALWAYS_OPEN_CALENDAR, utc('2025-01-01T00:00'), -1)).toThrow(/zero or more minutes/);
    expect(() => addBusinessMinutes(ALWAYS_OPEN_CALENDAR, utc('2025-01-01T00:00'), Number.NaN)).toThrow(RangeError);
    expect(() => addBusinessMinutes(ALWAYS_OPEN_CALENDAR, new Date('nope'), 5)).toThrow(
      /start time is not a valid date/,
    );
  });

  it('refuses a calendar that is never open instead of looping', () => {
    const closed = calendar('UTC', [], { name: 'Closed' });
    expect(() => addBusinessMinutes(closed, utc('2025-01-01T00:00'), 5)).toThrow(/"Closed" has no opening hours/);
    // A zero target is due at the next opening, and there is none.
    expect(() => addBusinessMinutes(closed, utc('2025-01-01T00:00'), 0)).toThrow(/"Closed" has no opening hours/);
  });

  it('refuses an unknown time zone or a malformed holiday', () => {
    expect(() => addBusinessMinutes(nineToFive('Mars/Olympus'), utc('2025-01-01T00:00'), 5)).toThrow(
      /Unknown time zone/,
    );
    expect(() => addBusinessMinutes(nineToFive('UTC', ['2025-02-30']), utc('2025-01-01T00:00'), 5)).toThrow(
      /not a date/,
    );
  });
});

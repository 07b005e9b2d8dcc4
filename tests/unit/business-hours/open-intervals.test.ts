import { describe, expect, it } from 'vitest';
import { ALWAYS_OPEN_CALENDAR, openIntervalsBetween, type BusinessCalendar } from '@/lib/business-hours';
import { BERLIN, calendar, everyDay, NEW_YORK, nineToFive, utc } from './fixtures';

const open = (cal: BusinessCalendar, from: string, to: string) =>
  openIntervalsBetween(cal, utc(from), utc(to)).map((i) => [i.start.toISOString(), i.end.toISOString()]);
const minutes = (cal: BusinessCalendar, from: string, to: string) =>
  openIntervalsBetween(cal, utc(from), utc(to)).reduce(
    (sum, i) => sum + (i.end.getTime() - i.start.getTime()) / 60_000,
    0,
  );

describe('openIntervalsBetween', () => {
  it('turns weekly local hours into UTC intervals, clipped to [from, to)', () => {
    // Berlin in summer is UTC+2: 09:00–17:00 local is 07:00–15:00Z. 2025-06-06 is a Friday.
    expect(open(nineToFive(BERLIN), '2025-06-06T08:00', '2025-06-10T00:00')).toEqual([
      ['2025-06-06T08:00:00.000Z', '2025-06-06T15:00:00.000Z'],
      ['2025-06-09T07:00:00.000Z', '2025-06-09T15:00:00.000Z'],
    ]);
  });

  it('returns nothing for an empty or reversed range', () => {
    expect(open(nineToFive(BERLIN), '2025-06-06T10:00', '2025-06-06T10:00')).toEqual([]);
    expect(open(nineToFive(BERLIN), '2025-06-06T10:00', '2025-06-06T09:00')).toEqual([]);
  });

  it('keeps several intervals a day apart', () => {
    const split = calendar(BERLIN, [
      { start: '09:00', end: '12:00' },
      { start: '13:00', end: '17:00' },
    ]);
    expect(open(split, '2025-06-02T00:00', '2025-06-03T00:00')).toEqual([
      ['2025-06-02T07:00:00.000Z', '2025-06-02T10:00:00.000Z'],
      ['2025-06-02T11:00:00.000Z', '2025-06-02T15:00:00.000Z'],
    ]);
  });

  it('runs an overnight interval into the next day and merges intervals that touch', () => {
    const nights = everyDay('UTC', [{ start: '22:00', end: '06:00' }]);
    expect(open(nights, '2025-06-02T00:00', '2025-06-03T12:00')).toEqual([
      ['2025-06-02T00:00:00.000Z', '2025-06-02T06:00:00.000Z'],
      ['2025-06-02T22:00:00.000Z', '2025-06-03T06:00:00.000Z'],
    ]);
    const touching = calendar(
      'UTC',
      [
        { start: '08:00', end: '12:00' },
        { start: '12:00', end: '24:00' },
      ],
      { days: [1] },
    );
    expect(open(touching, '2025-06-02T00:00', '2025-06-03T00:00')).toEqual([
      ['2025-06-02T08:00:00.000Z', '2025-06-03T00:00:00.000Z'],
    ]);
  });

  it('24×7 is one unbroken interval', () => {
    expect(open(ALWAYS_OPEN_CALENDAR, '2025-01-01T10:17', '2025-02-01T03:00')).toEqual([
      ['2025-01-01T10:17:00.000Z', '2025-02-01T03:00:00.000Z'],
    ]);
  });

  describe('holidays', () => {
    it('close their whole local day', () => {
      // 2025-12-25 and 26 are Thursday and Friday. New York is UTC-5 in winter.
      expect(open(nineToFive(NEW_YORK, ['2025-12-25', '2025-12-26']), '2025-12-24T00:00', '2025-12-30T00:00')).toEqual([
        ['2025-12-24T14:00:00.000Z', '2025-12-24T22:00:00.000Z'],
        ['2025-12-29T14:00:00.000Z', '2025-12-29T22:00:00.000Z'],
      ]);
    });

    it('cut the part of an overnight interval that falls on them, not the part before', () => {
      // Friday 2025-06-06 22:00 → Saturday 06:00, Saturday a holiday: only Friday 22:00–24:00 stays open.
      const nights = calendar('UTC', [{ start: '22:00', end: '06:00' }], { days: [5, 6], holidays: ['2025-06-07'] });
      expect(open(nights, '2025-06-06T00:00', '2025-06-09T00:00')).toEqual([
        ['2025-06-06T22:00:00.000Z', '2025-06-07T00:00:00.000Z'],
        ['2025-06-08T00:00:00.000Z', '2025-06-08T06:00:00.000Z'],
      ]);
    });

    it('are local days: a Tokyo holiday starts at 15:00Z the day before', () => {
      const tokyo = everyDay('Asia/Tokyo', [{ start: '00:00', end: '24:00' }], ['2025-01-01']);
      expect(open(tokyo, '2024-12-31T12:00', '2025-01-01T18:00')).toEqual([
        ['2024-12-31T12:00:00.000Z', '2024-12-31T15:00:00.000Z'],
        ['2025-01-01T15:00:00.000Z', '2025-01-01T18:00:00.000Z'],
      ]);
    });
  });

  describe('daylight saving: open time is real elapsed time', () => {
    it('New York overnight 22:00–06:00 is 7 hours across spring-forward and 9 across fall-back', () => {
      const nights = everyDay(NEW_YORK, [{ start: '22:00', end: '06:00' }]);
      expect(open(nights, '2025-03-08T12:00', '2025-03-09T12:00')).toEqual([
        ['2025-03-09T03:00:00.000Z', '2025-03-09T10:00:00.000Z'],
      ]);
      expect(minutes(nights, '2025-03-08T12:00', '2025-03-09T12:00')).toBe(7 * 60);
      expect(open(nights, '2025-11-01T12:00', '2025-11-02T12:00')).toEqual([
        ['2025-11-02T02:00:00.000Z', '2025-11-02T11:00:00.000Z'],
      ]);
      expect(minutes(nights, '2025-11-01T12:00', '2025-11-02T12:00')).toBe(9 * 60);
    });

    it('Berlin 01:00–05:00 is 3 hours on 2025-03-30 and 5 hours on 2025-10-26', () => {
      const batch = everyDay(BERLIN, [{ start: '01:00', end: '05:00' }]);
      expect(open(batch, '2025-03-29T12:00', '2025-03-30T12:00')).toEqual([
        ['2025-03-30T00:00:00.000Z', '2025-03-30T03:00:00.000Z'],
      ]);
      expect(open(batch, '2025-10-25T12:00', '2025-10-26T12:00')).toEqual([
        ['2025-10-25T23:00:00.000Z', '2025-10-26T04:00:00.000Z'],
      ]);
    });

    it('a local 24×7 calendar has a 23-hour and a 25-hour day', () => {
      const berlinAllDay = everyDay(BERLIN, [{ start: '00:00', end: '24:00' }]);
      const marchDay = calendar(BERLIN, [{ start: '00:00', end: '24:00' }], { days: [0] });
      expect(open(marchDay, '2025-03-29T00:00', '2025-03-31T12:00')).toEqual([
        ['2025-03-29T23:00:00.000Z', '2025-03-30T22:00:00.000Z'],
      ]);
      expect(minutes(marchDay, '2025-03-29T00:00', '2025-03-31T12:00')).toBe(23 * 60);
      expect(
        minutes(
          calendar(BERLIN, [{ start: '00:00', end: '24:00' }], { days: [0] }),
          '2025-10-25T00:00',
          '2025-10-27T12:00',
        ),
      ).toBe(25 * 60);
      expect(open(berlinAllDay, '2025-03-29T00:00', '2025-04-01T00:00')).toEqual([
        ['2025-03-29T00:00:00.000Z', '2025-04-01T00:00:00.000Z'],
      ]);
    });

    it('an opening or closing time inside the spring-forward gap moves forward by the gap (RFC 5545)', () => {
      // New York 2025-03-09 (a Sunday): 02:00–03:00 EST does not exist; the jump is at 07:00Z.
      // 02:30 is read with the offset before the gap, -05:00: 07:30Z, which the clocks show as 03:30 EDT.
      const lateOpening = calendar(NEW_YORK, [{ start: '02:30', end: '04:00' }], { days: [0] });
      expect(open(lateOpening, '2025-03-09T00:00', '2025-03-10T00:00')).toEqual([
        ['2025-03-09T07:30:00.000Z', '2025-03-09T08:00:00.000Z'],
      ]);
      const earlyClosing = calendar(NEW_YORK, [{ start: '01:00', end: '02:30' }], { days: [0] });
      expect(open(earlyClosing, '2025-03-09T00:00', '2025-03-10T00:00')).toEqual([
        ['2025-03-09T06:00:00.000Z', '2025-03-09T07:30:00.000Z'],
      ]);
      // 02:00–02:30 reads as 03:00–03:30 EDT: half an hour, as on any other night.
      const bothInTheGap = calendar(NEW_YORK, [{ start: '02:00', end: '02:30' }], { days: [0] });
      expect(open(bothInTheGap, '2025-03-09T00:00', '2025-03-10T00:00')).toEqual([
        ['2025-03-09T07:00:00.000Z', '2025-03-09T07:30:00.000Z'],
      ]);
      // 02:30–03:00 reads as 03:30 EDT–03:00 EDT: the wall hour it names did not happen, so nothing is open.
      const inverted = calendar(NEW_YORK, [{ start: '02:30', end: '03:00' }], { days: [0] });
      expect(open(inverted, '2025-03-09T00:00', '2025-03-10T00:00')).toEqual([]);
      // Split hours around the gap never count the same minute twice: 01:00–02:30 and 03:00–05:00 merge.
      const split = calendar(
        NEW_YORK,
        [
          { start: '01:00', end: '02:30' },
          { start: '03:00', end: '05:00' },
        ],
        { days: [0] },
      );
      expect(open(split, '2025-03-09T00:00', '2025-03-10T00:00')).toEqual([
        ['2025-03-09T06:00:00.000Z', '2025-03-09T09:00:00.000Z'],
      ]);
    });

    it('an ambiguous fall-back opening time takes its first occurrence', () => {
      // New York 2025-11-02: 01:30 EDT = 05:30Z; 03:00 EST = 08:00Z, so 01:30–03:00 is 2½ real hours.
      const cal = calendar(NEW_YORK, [{ start: '01:30', end: '03:00' }], { days: [0] });
      expect(open(cal, '2025-11-02T00:00', '2025-11-03T00:00')).toEqual([
        ['2025-11-02T05:30:00.000Z', '2025-11-02T08:00:00.000Z'],
      ]);
    });
  });
});

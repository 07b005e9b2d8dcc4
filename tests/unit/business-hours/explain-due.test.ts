import { describe, expect, it } from 'vitest';
import { explainDue } from '@/lib/business-hours';
import { calendar, NEW_YORK, nineToFive, utc } from './fixtures';

describe('explainDue', () => {
  // New York weekdays 09:00–17:00, Labor Day 2025-09-01 a holiday. Fri 2025-08-29 16:00 EDT + 4 h,
  // paused Tue 10:00–11:00: 1 h Friday, Monday skipped, Tue 09:00–10:00 and 11:00–13:00 → due Tue 13:00 EDT.
  const cal = { ...nineToFive(NEW_YORK, ['2025-09-01', '2025-12-25']), name: 'US office' };
  const pauses = [
    { from: utc('2025-09-02T14:00'), to: utc('2025-09-02T15:00') },
    { from: utc('2025-08-29T22:00'), to: utc('2025-08-30T10:00') },
    { from: utc('2025-09-10T10:00'), to: utc('2025-09-10T11:00') },
  ];
  const explanation = explainDue(cal, utc('2025-08-29T20:00'), 240, pauses);

  it('names the calendar and time zone and gives start and due in local time and UTC', () => {
    expect(explanation.calendar).toEqual({ name: 'US office', timeZone: NEW_YORK });
    expect(explanation.start).toEqual({
      utc: utc('2025-08-29T20:00'),
      local: '2025-08-29 16:00',
      weekday: 5,
      offset: '-04:00',
    });
    expect(explanation.status).toBe('due');
    expect(explanation.due).toEqual({
      utc: utc('2025-09-02T17:00'),
      local: '2025-09-02 13:00',
      weekday: 2,
      offset: '-04:00',
    });
    expect(explanation.targetMinutes).toBe(240);
    expect(explanation.elapsedMinutes).toBe(4 * 24 * 60 - 3 * 60);
  });

  it('lists every stretch of open time counted, adding up to the target', () => {
    expect(explanation.counted.map((c) => [c.start.local, c.end.local, c.minutes])).toEqual([
      ['2025-08-29 16:00', '2025-08-29 17:00', 60],
      ['2025-09-02 09:00', '2025-09-02 10:00', 60],
      ['2025-09-02 11:00', '2025-09-02 13:00', 120],
    ]);
    expect(explanation.countedMinutes).toBe(240);
  });

  it('lists the holidays skipped with the open time each took, not those outside the run', () => {
    expect(explanation.holidaysSkipped).toEqual([{ date: '2025-09-01', openMinutesSkipped: 480 }]);
  });

  it('lists the pauses within the run and the open minutes each added back', () => {
    expect(explanation.pausesAddedBack.map((p) => [p.from.local, p.to?.local, p.businessMinutes])).toEqual([
      ['2025-08-29 18:00', '2025-08-30 06:00', 0],
      ['2025-09-02 10:00', '2025-09-02 11:00', 60],
    ]);
  });

  it('explains a clock stopped by a pause still running', () => {
    const paused = explainDue(cal, utc('2025-08-29T20:00'), 240, [{ from: utc('2025-09-02T13:30'), to: null }]);
    expect(paused.status).toBe('paused');
    expect(paused.due).toBeNull();
    expect(paused.elapsedMinutes).toBeNull();
    expect(paused.countedMinutes).toBe(90);
    expect(paused.counted.map((c) => [c.start.local, c.end.local])).toEqual([
      ['2025-08-29 16:00', '2025-08-29 17:00'],
      ['2025-09-02 09:00', '2025-09-02 09:30'],
    ]);
    expect(paused.pausesAddedBack).toEqual([
      { from: expect.objectContaining({ local: '2025-09-02 09:30' }), to: null, businessMinutes: null },
    ]);
    expect(paused.holidaysSkipped).toEqual([{ date: '2025-09-01', openMinutesSkipped: 480 }]);
  });

  it('shows the offsets on each side of a daylight-saving change', () => {
    const nights = calendar(NEW_YORK, [{ start: '22:00', end: '06:00' }], { days: [6] });
    const dst = explainDue(nights, utc('2025-03-09T04:00'), 240);
    expect(dst.start).toMatchObject({ local: '2025-03-08 23:00', offset: '-05:00' });
    expect(dst.due).toMatchObject({ local: '2025-03-09 04:00', offset: '-04:00' });
    expect(dst.counted).toHaveLength(1);
    expect(dst.elapsedMinutes).toBe(240);
  });

  it('with zero minutes in open time, is due at the start with nothing counted, and says so', () => {
    const now = explainDue(cal, utc('2025-09-03T14:00'), 0);
    expect(now.due?.utc).toEqual(utc('2025-09-03T14:00'));
    expect(now.counted).toEqual([]);
    expect(now.zeroTarget).toBe('at_start');
  });

  it('with zero minutes in closed time, is due at the next opening and names the rule and the holiday', () => {
    // Saturday 2025-08-30 08:00 EDT; Monday is Labor Day; the desk next opens Tuesday 09:00 EDT.
    const weekend = explainDue(cal, utc('2025-08-30T12:00'), 0);
    expect(weekend.due).toMatchObject({ local: '2025-09-02 09:00', offset: '-04:00' });
    expect(weekend.zeroTarget).toBe('next_opening');
    expect(weekend.counted).toEqual([]);
    expect(weekend.holidaysSkipped).toEqual([{ date: '2025-09-01', openMinutesSkipped: 480 }]);
    expect(explanation.zeroTarget).toBeNull();
  });

  it('names no daylight-saving change when none was crossed', () => {
    expect(explanation.dstChanges).toEqual([]);
    expect(explanation.dstBoundaries).toEqual([]);
  });

  it('names each daylight-saving change crossed, with the readings and offsets either side', () => {
    // New York weekdays 09:00–17:00: Fri 2025-03-07 16:00 EST + 2 h → Mon 2025-03-10 10:00 EDT, across
    // spring-forward on Sunday 2025-03-09 (02:00 EST → 03:00 EDT at 07:00Z).
    const spring = explainDue(cal, utc('2025-03-07T21:00'), 120);
    expect(spring.due).toMatchObject({ local: '2025-03-10 10:00', offset: '-04:00' });
    expect(spring.dstChanges).toEqual([
      {
        at: expect.objectContaining({ utc: utc('2025-03-09T07:00'), local: '2025-03-09 03:00' }),
        from: '02:00',
        to: '03:00',
        offsetBefore: '-05:00',
        offsetAfter: '-04:00',
      },
    ]);
    // No opening or closing time fell into the skipped hour: nothing to convert.
    expect(spring.dstBoundaries).toEqual([]);

    const fall = explainDue(cal, utc('2025-10-31T20:00'), 120);
    expect(fall.dstChanges).toEqual([
      {
        at: expect.objectContaining({ utc: utc('2025-11-02T06:00'), local: '2025-11-02 01:00' }),
        from: '02:00',
        to: '01:00',
        offsetBefore: '-04:00',
        offsetAfter: '-05:00',
      },
    ]);
  });

  it('says which convention read an opening time that fell into the skipped hour (RFC 5545: forward by the gap)', () => {
    // Sundays 02:30–06:00 in New York. On 2025-03-09 02:30 does not exist: it reads as 03:30 EDT (07:30Z).
    const sundays = calendar(NEW_YORK, [{ start: '02:30', end: '06:00' }], { days: [0] });
    const night = explainDue(sundays, utc('2025-03-09T05:00'), 60);
    expect(night.due).toMatchObject({ utc: utc('2025-03-09T08:30'), local: '2025-03-09 04:30' });
    expect(night.dstBoundaries).toEqual([
      {
        date: '2025-03-09',
        wallTime: '02:30',
        edge: 'opens',
        kind: 'gap',
        readAs: expect.objectContaining({ local: '2025-03-09 03:30', offset: '-04:00' }),
        convention: 'rfc5545_shift_forward',
      },
    ]);
    expect(night.dstChanges).toHaveLength(1);
  });

  it('says which occurrence of a repeated time was used at fall-back', () => {
    // Sundays 01:30–05:00 in New York. On 2025-11-02 01:30 happens twice: the first, 01:30 EDT, is used.
    const sundays = calendar(NEW_YORK, [{ start: '01:30', end: '05:00' }], { days: [0] });
    const night = explainDue(sundays, utc('2025-11-02T04:00'), 60);
    expect(night.due).toMatchObject({ utc: utc('2025-11-02T06:30'), local: '2025-11-02 01:30', offset: '-05:00' });
    expect(night.dstBoundaries).toEqual([
      {
        date: '2025-11-02',
        wallTime: '01:30',
        edge: 'opens',
        kind: 'ambiguous',
        readAs: expect.objectContaining({ utc: utc('2025-11-02T05:30'), offset: '-04:00' }),
        convention: 'first_occurrence',
      },
    ]);
  });
});

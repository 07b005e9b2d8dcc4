import { describe, expect, it } from 'vitest';
import {
  isKnownTimeZone,
  offsetAt,
  offsetChangesBetween,
  readWallTime,
  toZonedInstant,
  utcToWall,
  wallToUtc,
} from '@/lib/business-hours';
import { BERLIN, HOUR, NEW_YORK } from './fixtures';
import { seededRandom } from './seeded-random';

/** Wall ms of a local reading written as ISO without zone: '2025-03-09T02:30'. */
const wall = (local: string) => Date.parse(`${local}:00Z`);
const toUtc = (zone: string, local: string) => new Date(wallToUtc(zone, wall(local))).toISOString();

describe('wallToUtc: local wall-clock time to the instant', () => {
  it.each([
    // New York, ordinary days
    [NEW_YORK, '2025-01-15T09:00', '2025-01-15T14:00:00.000Z'],
    [NEW_YORK, '2025-07-15T09:00', '2025-07-15T13:00:00.000Z'],
    // spring forward 2025-03-09: 02:00 EST jumps to 03:00 EDT at 07:00Z
    [NEW_YORK, '2025-03-09T01:59', '2025-03-09T06:59:00.000Z'],
    // RFC 5545: a time in the gap is read with the offset before it, i.e. moved forward by the gap's hour
    [NEW_YORK, '2025-03-09T02:00', '2025-03-09T07:00:00.000Z'],
    [NEW_YORK, '2025-03-09T02:30', '2025-03-09T07:30:00.000Z'],
    [NEW_YORK, '2025-03-09T02:59', '2025-03-09T07:59:00.000Z'],
    [NEW_YORK, '2025-03-09T03:00', '2025-03-09T07:00:00.000Z'],
    [NEW_YORK, '2025-03-09T03:01', '2025-03-09T07:01:00.000Z'],
    // fall back 2025-11-02: 02:00 EDT goes back to 01:00 EST at 06:00Z; 01:xx happens twice
    [NEW_YORK, '2025-11-02T00:59', '2025-11-02T04:59:00.000Z'],
    [NEW_YORK, '2025-11-02T01:00', '2025-11-02T05:00:00.000Z'],
    [NEW_YORK, '2025-11-02T01:30', '2025-11-02T05:30:00.000Z'],
    [NEW_YORK, '2025-11-02T02:00', '2025-11-02T07:00:00.000Z'],
    // Berlin spring forward 2025-03-30: 02:00 CET jumps to 03:00 CEST at 01:00Z
    [BERLIN, '2025-03-30T01:59', '2025-03-30T00:59:00.000Z'],
    [BERLIN, '2025-03-30T02:15', '2025-03-30T01:15:00.000Z'],
    [BERLIN, '2025-03-30T03:00', '2025-03-30T01:00:00.000Z'],
    // Berlin fall back 2025-10-26: 03:00 CEST goes back to 02:00 CET at 01:00Z; 02:xx happens twice
    [BERLIN, '2025-10-26T02:00', '2025-10-26T00:00:00.000Z'],
    [BERLIN, '2025-10-26T02:59', '2025-10-26T00:59:00.000Z'],
    [BERLIN, '2025-10-26T03:00', '2025-10-26T02:00:00.000Z'],
    // midnight transitions: Santiago springs forward at 24:00 on 2025-09-06, so 2025-09-07 00:00 does not exist
    ['America/Santiago', '2025-09-07T00:00', '2025-09-07T04:00:00.000Z'],
    ['America/Santiago', '2025-09-07T00:30', '2025-09-07T04:30:00.000Z'],
    ['America/Santiago', '2025-09-07T01:00', '2025-09-07T04:00:00.000Z'],
    // Lord Howe moves its clocks by 30 minutes
    ['Australia/Lord_Howe', '2025-10-05T02:15', '2025-10-04T15:45:00.000Z'],
    ['UTC', '2025-03-09T02:30', '2025-03-09T02:30:00.000Z'],
  ])('%s %s → %s', (zone, local, expected) => {
    expect(toUtc(zone, local)).toBe(expected);
  });

  it('never runs backwards outside a spring-forward gap', () => {
    const days: Array<[string, string, string | null]> = [
      [NEW_YORK, '2025-11-02', null],
      [BERLIN, '2025-10-26', null],
      [NEW_YORK, '2025-03-09', '02:'],
      [BERLIN, '2025-03-30', '02:'],
    ];
    for (const [zone, day, gapHour] of days) {
      let previous = -Infinity;
      for (let minute = 0; minute < 24 * 60; minute += 1) {
        const reading = `${day}T${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
        if (gapHour && reading.slice(11).startsWith(gapHour)) continue;
        const instant = wallToUtc(zone, wall(reading));
        expect(instant).toBeGreaterThanOrEqual(previous);
        previous = instant;
      }
    }
  });

  it('says which reading applied: exact, shifted out of a gap, or the first of two', () => {
    expect(readWallTime(NEW_YORK, wall('2025-03-09T02:30'))).toEqual({
      kind: 'gap',
      instant: Date.parse('2025-03-09T07:30:00Z'),
      shiftMs: HOUR,
    });
    expect(readWallTime('Australia/Lord_Howe', wall('2025-10-05T02:15'))).toMatchObject({
      kind: 'gap',
      shiftMs: HOUR / 2,
    });
    expect(readWallTime(NEW_YORK, wall('2025-11-02T01:30'))).toEqual({
      kind: 'ambiguous',
      instant: Date.parse('2025-11-02T05:30:00Z'),
      laterInstant: Date.parse('2025-11-02T06:30:00Z'),
    });
    expect(readWallTime(NEW_YORK, wall('2025-03-09T03:00'))).toEqual({
      kind: 'exact',
      instant: Date.parse('2025-03-09T07:00:00Z'),
    });
    expect(readWallTime(BERLIN, wall('2025-06-01T12:00'))).toEqual({
      kind: 'exact',
      instant: Date.parse('2025-06-01T10:00:00Z'),
    });
  });

  it('keeps milliseconds', () => {
    expect(wallToUtc(BERLIN, wall('2025-06-01T12:00') + 123)).toBe(Date.parse('2025-06-01T10:00:00.123Z'));
  });
});

describe('offsetAt and utcToWall', () => {
  it('reads the offset in force on each side of a change', () => {
    expect(offsetAt(NEW_YORK, Date.parse('2025-03-09T06:59:59Z'))).toBe(-5 * HOUR);
    expect(offsetAt(NEW_YORK, Date.parse('2025-03-09T07:00:00Z'))).toBe(-4 * HOUR);
    expect(offsetAt(BERLIN, Date.parse('2025-10-26T00:59:59Z'))).toBe(2 * HOUR);
    expect(offsetAt(BERLIN, Date.parse('2025-10-26T01:00:00Z'))).toBe(1 * HOUR);
    expect(offsetAt('Asia/Kolkata', Date.parse('2025-01-01T00:00:00Z'))).toBe(5.5 * HOUR);
  });

  it('shows the repeated hour twice when the clocks go back', () => {
    expect(utcToWall(NEW_YORK, Date.parse('2025-11-02T05:30:00Z'))).toBe(wall('2025-11-02T01:30'));
    expect(utcToWall(NEW_YORK, Date.parse('2025-11-02T06:30:00Z'))).toBe(wall('2025-11-02T01:30'));
  });
});

describe('toZonedInstant', () => {
  it('formats the local reading, weekday and offset', () => {
    expect(toZonedInstant(BERLIN, Date.parse('2025-03-30T01:00:00Z'))).toEqual({
      utc: new Date('2025-03-30T01:00:00Z'),
      local: '2025-03-30 03:00',
      weekday: 0,
      offset: '+02:00',
    });
    expect(toZonedInstant(NEW_YORK, Date.parse('2025-11-02T06:30:30Z'))).toMatchObject({
      local: '2025-11-02 01:30:30',
      offset: '-05:00',
      weekday: 0,
    });
    expect(toZonedInstant('Asia/Kathmandu', Date.parse('2025-01-01T00:00:00Z')).offset).toBe('+05:45');
  });
});

describe('isKnownTimeZone', () => {
  it.each(['UTC', 'Europe/Berlin', 'America/New_York', 'US/Eastern', 'Asia/Kolkata'])('accepts %s', (zone) => {
    expect(isKnownTimeZone(zone)).toBe(true);
  });
  it.each(['', ' ', 'Europe/Berlinn', 'Mars/Olympus', '+01:00', 'GMT+1'])('refuses %j', (zone) => {
    expect(isKnownTimeZone(zone)).toBe(false);
  });
});

describe('offsetAt: remembered per six-hour window, equal to what Intl says at every second', () => {
  /** The offset straight from Intl, as the platform reads the instant (an independent, uncached reading). */
  const formats = new Map<string, Intl.DateTimeFormat>();
  function intlOffset(timeZone: string, instantMs: number) {
    const wholeSecond = Math.floor(instantMs / 1000) * 1000;
    const format =
      formats.get(timeZone) ??
      new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    formats.set(timeZone, format);
    const parts = format.formatToParts(wholeSecond);
    const n = (type: string) => Number(parts.find((p) => p.type === type)!.value);
    // Years from 1900 on only: Date.UTC reads 0–99 as 1900–1999.
    return Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second')) - wholeSecond;
  }
  // Zones with unusual changes: half-hour moves, changes at midnight, southern summers, 45-minute offsets,
  // and Amsterdam's pre-war offset of +00:19:32 (seconds in the offset).
  const zones = [
    NEW_YORK,
    BERLIN,
    'America/Santiago',
    'Australia/Lord_Howe',
    'Asia/Kathmandu',
    'Europe/Amsterdam',
    'Pacific/Apia',
    'UTC',
  ];

  it(
    'at random instants from 1900 to 2100, and one second either side of every change found',
    { timeout: 30_000 },
    () => {
      const random = seededRandom(20261207);
      const from = Date.UTC(1900, 0, 1);
      const to = Date.UTC(2100, 0, 1);
      let compared = 0;
      for (let i = 0; i < 2000; i++) {
        const zone = random.pick(zones);
        const instant = from + Math.floor(random.next() * (to - from));
        expect(offsetAt(zone, instant), `${zone} ${new Date(instant).toISOString()}`).toBe(intlOffset(zone, instant));
        compared++;
      }
      for (const zone of zones)
        for (const change of offsetChangesBetween(zone, Date.UTC(1937, 0, 1), Date.UTC(1941, 0, 1)).concat(
          offsetChangesBetween(zone, Date.UTC(2024, 0, 1), Date.UTC(2027, 0, 1)),
        ))
          for (const instant of [change.atMs - 1000, change.atMs - 1, change.atMs, change.atMs + 999]) {
            expect(offsetAt(zone, instant), `${zone} ${new Date(instant).toISOString()}`).toBe(
              intlOffset(zone, instant),
            );
            compared++;
          }
      expect(compared).toBeGreaterThan(2100);
    },
  );
});

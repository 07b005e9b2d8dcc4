import { describe, expect, it } from 'vitest';
import { localParts } from '@/lib/reports/local-time';
import { presetRange } from '@/lib/reports/presets';
import {
  dimensionPairs,
  pairOf,
  pairRollupDeltas,
  rollupDeltas,
  REPORT_FILTER_DIMENSIONS,
  type RollupDimensionValue,
  type RollupMeasure,
} from '@/lib/reports/rollup-measures';
import { durationBucket, histogramPercentile } from '@/lib/reports/time-buckets';
import { toCsv } from '@/lib/utils/csv';

describe('duration buckets and percentiles', () => {
  it('keeps minutes exact under ten and rounds down to the bounds after', () => {
    expect([0, 9, 10, 11, 59, 60, 64, 119, 120, 1439, 1440, 1560, 2880, 3000].map(durationBucket)).toEqual([
      0, 9, 10, 10, 50, 60, 60, 105, 120, 1200, 1440, 1440, 2880, 2880,
    ]);
  });

  it('every duration lies in its bucket, and buckets only grow with it', () => {
    let previous = 0;
    for (let m = 0; m < 50_000; m += 7) {
      const b = durationBucket(m);
      expect(b).toBeLessThanOrEqual(m);
      expect(b).toBeGreaterThanOrEqual(previous);
      previous = b;
    }
  });

  it('takes the nearest-rank percentile of a histogram', () => {
    const h = new Map([
      [10, 1],
      [30, 1],
      [60, 1],
    ]);
    expect(histogramPercentile(h, 0.5)).toBe(30);
    expect(histogramPercentile(h, 0.9)).toBe(60);
    expect(histogramPercentile(new Map(), 0.5)).toBeNull();
    expect(histogramPercentile(new Map([[5, 0]]), 0.5)).toBeNull();
  });
});

describe('rollup deltas', () => {
  const measures: RollupMeasure[] = [
    ['2026-03-02', 'created', 0, 1],
    ['2026-03-02', 'frt', 30, 1],
  ];
  const dims: RollupDimensionValue[] = [
    ['all', ''],
    ['channel', 'email'],
  ];

  it('the same contribution twice changes nothing', () => {
    expect(rollupDeltas({ dimensions: dims, measures }, { dimensions: dims, measures })).toEqual([]);
  });

  it('a new ticket adds under each dimension; a moved one leaves the old value and joins the new', () => {
    expect(rollupDeltas(null, { dimensions: dims, measures })).toHaveLength(4);
    const moved = rollupDeltas(
      { dimensions: dims, measures },
      {
        dimensions: [
          ['all', ''],
          ['channel', 'web'],
        ],
        measures,
      },
    );
    expect(moved.map((d) => [d.dimensionValue, d.metric, d.value])).toEqual([
      ['email', 'created', -1],
      ['email', 'frt', -1],
      ['web', 'created', 1],
      ['web', 'frt', 1],
    ]);
  });
});

describe('pair rollups', () => {
  const ticket: RollupDimensionValue[] = [
    ['all', ''],
    ['channel', 'email'],
    ['priority', 'high'],
    ['team', 'T'],
    ['tag', 'vip'],
    ['tag', 'a|b'],
  ];
  const measures: RollupMeasure[] = [
    ['2026-03-02', 'created', 0, 1],
    ['2026-03-02', 'frt', 30, 1],
    ['2026-03-04', 'solved', 0, 1],
  ];

  it('names a pair the same whichever filter comes first', () => {
    for (const a of REPORT_FILTER_DIMENSIONS)
      for (const b of REPORT_FILTER_DIMENSIONS) {
        if (a === b) continue;
        expect(pairOf([a, 'x'], [b, 'y'])).toEqual(pairOf([b, 'y'], [a, 'x']));
      }
    expect(pairOf(['channel', 'email'], ['team', 'T'])).toEqual(['team+channel', 'T|email']);
  });

  it('pairs every two values of different dimensions, never two tags, never `all`', () => {
    expect(dimensionPairs(ticket).sort()).toEqual(
      [
        ['team+channel', 'T|email'],
        ['team+priority', 'T|high'],
        ['team+tag', 'T|vip'],
        ['team+tag', 'T|a|b'],
        ['channel+priority', 'email|high'],
        ['channel+tag', 'email|vip'],
        ['channel+tag', 'email|a|b'],
        ['priority+tag', 'high|vip'],
        ['priority+tag', 'high|a|b'],
      ].sort(),
    );
  });

  it('packs one row per pair value and day, measures keyed metric:bucket', () => {
    const rows = pairRollupDeltas(null, { dimensions: ticket, measures });
    // Nine pairs, two days each.
    expect(rows).toHaveLength(18);
    expect(rows.find((r) => r.dimension === 'team+channel' && r.day === '2026-03-02')).toEqual({
      dimension: 'team+channel',
      dimensionValue: 'T|email',
      day: '2026-03-02',
      measures: { 'created:0': 1, 'frt:30': 1 },
    });
    // In the unique key's order, so concurrent writers lock rows alike.
    const keys = rows.map((r) => `${r.dimension}\u0000${r.dimensionValue}\u0000${r.day}`);
    expect(keys).toEqual([...keys].sort());
  });

  it('a moved ticket leaves its old pairs and joins the new; the same state twice changes nothing', () => {
    const before = { dimensions: ticket, measures };
    expect(pairRollupDeltas(before, before)).toEqual([]);
    const moved = pairRollupDeltas(before, {
      dimensions: ticket.map(([d, v]) => (d === 'channel' ? ['channel', 'web'] : [d, v]) as RollupDimensionValue),
      measures,
    });
    const channelPairs = moved.filter((r) => r.dimension.includes('channel'));
    // Four pairs hold the channel (with the team, the priority and each tag), on two days, left and joined.
    expect(channelPairs).toHaveLength(4 * 2 * 2);
    expect(moved.filter((r) => !r.dimension.includes('channel'))).toEqual([]);
    const left = channelPairs.find((r) => r.dimensionValue === 'T|email' && r.day === '2026-03-04');
    expect(left?.measures).toEqual({ 'solved:0': -1 });
  });
});

describe('local days', () => {
  it('counts the day and hour in the workspace zone, across the DST change', () => {
    // 2026-03-09 03:59Z is still Sunday 23:59 in New York (EDT since 03-08 02:00).
    expect(localParts(new Date('2026-03-09T03:59:00Z'), 'America/New_York')).toEqual({
      day: '2026-03-08',
      weekday: 0,
      hour: 23,
    });
    expect(localParts(new Date('2026-03-02T04:30:00Z'), 'America/New_York').day).toBe('2026-03-01');
  });

  it('presets count back from the workspace today', () => {
    expect(presetRange('last_7', '2026-03-08')).toEqual({ from: '2026-03-02', to: '2026-03-08' });
    expect(presetRange('last_month', '2026-03-08')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(presetRange('this_month', '2026-03-08')).toEqual({ from: '2026-03-01', to: '2026-03-08' });
  });
});

describe('CSV', () => {
  it('quotes what needs quoting and defuses spreadsheet formulas', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['x,y', '=SUM(A1)'],
          [null, 3],
        ],
      ),
    ).toBe('a,b\r\n"x,y",\'=SUM(A1)\r\n,3\r\n');
  });
});

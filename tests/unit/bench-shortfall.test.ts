import { describe, expect, it } from 'vitest';
import { overLimit, PLANS, shortBelow, shortfallLines, shortfalls } from '../bench/shortfall';
import type { JudgedThroughput, MemoryRow } from '../bench/report';

const summary = { n: 400, p50: 30, p95: 60, max: 90 } as never;
const throughput = (label: string, perSecond: number, target: string, ok: boolean | null): JudgedThroughput =>
  ({ label, perSecond, errors: 0, latency: summary, target, ok }) as unknown as JudgedThroughput;
const memory = (afterMiB: number): MemoryRow => ({
  label: 'web RSS',
  beforeMiB: 280,
  afterMiB,
  target: '≤ 300 MiB',
  ok: afterMiB <= 300,
});

describe('bench shortfalls', () => {
  it('says how far below a floor a figure is, and how many times over it must get', () => {
    expect(shortBelow(100, 250, '/s')).toBe('150/s short (100 of 250/s, ×2.5 needed)');
  });

  it('says how far over a limit a figure is, and what share of it must go', () => {
    expect(overLimit(2.5, 2, '')).toBe('0.50 over (2.50 against ≤ 2.00: 20% to cut)');
  });

  it('reports each missed target once, with its worst row, its gap and its plan; met targets not at all', () => {
    const list = shortfalls({
      rows: [],
      helpRows: [],
      throughput: [
        throughput('bench-001, HTTP', 125, '≥ 250 tickets/s', false),
        throughput(
          'bench-001, service call',
          500,
          '≥ 40% of pgbench TPS (1000 TPS, -c 8 -j 2 -T 30, scale 10): 50%',
          true,
        ),
      ],
      memory: memory(360),
    });
    expect(list.map((s) => s.target)).toEqual(['ticket.create ≥ 250/s through HTTP', 'web RSS ≤ 300 MiB']);
    expect(list[0]!.gap).toBe('125/s short (125 of 250/s, ×2.0 needed)');
    expect(list[0]!.plan).toBe(PLANS.createHttp);
    expect(list[1]!.gap).toContain('60.0 MiB over (360 against ≤ 300 MiB: 17% to cut)');
    expect(shortfallLines(list)[0]).toBe('Missed targets: by how much, and the plan');
  });

  it('measures the service call against the share of pgbench it needs', () => {
    const [direct] = shortfalls({
      rows: [],
      helpRows: [],
      throughput: [
        throughput('HTTP', 300, '≥ 250 tickets/s', true),
        throughput('service call', 200, '≥ 40% of pgbench TPS (4000 TPS, -c 8 -j 2 -T 30, scale 10): 5%', false),
      ],
      memory: memory(200),
    });
    expect(direct!.worst).toBe('200/s = 5.0% of 4000 TPS');
    expect(direct!.gap).toBe('1400/s short (200 of 1600/s, ×8.0 needed)');
  });

  it('says every target was met when none was missed', () => {
    expect(shortfallLines([])).toEqual(['Every target met.']);
  });
});

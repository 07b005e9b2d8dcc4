import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportFilters } from '@/lib/reports/report-filters';
import { pairOf, REPORT_FILTER_DIMENSIONS } from '@/lib/reports/rollup-measures';
import { runInTenant } from '@/server/db/tenant';
import { ownerDatabaseUrl } from '@/server/db/urls';
import type { DashboardDays, MeasureSums } from '@/server/services/reports/measure-sums';
import { sumFactMeasures } from '@/server/services/reports/sum-fact-measures';
import { sumPairRollupMeasures } from '@/server/services/reports/sum-pair-rollup-measures';
import { sumRollupMeasures } from '@/server/services/reports/sum-rollup-measures';
import { callerFor, type Caller } from '../helpers/caller';
import { addMember, createTestTeam, createWorkspace, type TestMember, type TestWorkspace } from '../helpers/factories';
import { dispatchPendingEvents } from '../helpers/notification-mail';
import { placeTicket, replyAt } from '../helpers/report-moments';
import { createTestCategory, createTestTicket } from '../helpers/ticket-factories';

// The dashboard filtered by several dimensions at once, against a desk whose every moment is known. Days are
// UTC (the default zone); the range is Mon 2026-04-06 … Sun 04-12, its previous period 03-30 … 04-05.
// Every expected figure below is counted by hand from this list:
//   T1  Billing, email, high, vip, category; created Mon 04-06 10:00; reply +20 min solving it; solved 12:00
//   T2  Billing, email, normal, no tag; created Tue 04-07 09:00; reply +40 min; open
//   T3  Billing, web, vip; created Wed 04-08 11:00; open
//   T4  Support, email, vip; created Wed 04-08 14:00; reply Thu 04-09 13:00 solving it, solved 14:00
//   T5  Billing, email, vip; created Wed 04-01 08:00 (previous period); reply +60 min; solved Mon 04-06 08:00
//       (7,200 min: five days, a bucket bound)
//   T6  Billing, email, vip; created Fri 03-20 (before the previous period); open: the opening backlog
//   T7  Billing, email, vip; created Mon 04-13: after the range
const RANGE = { from: '2026-04-06', to: '2026-04-12' };
const DAYS: DashboardDays = { previousFrom: '2026-03-30', ...RANGE };
const at = (iso: string) => new Date(iso);

let owner: pg.Client;
let ws: TestWorkspace;
let agent: TestMember;
let asAgent: Caller;
let billing: { id: string };
let support: { id: string };
let category: { id: string };
const t: Record<'T1' | 'T2' | 'T3' | 'T4' | 'T5' | 'T6' | 'T7', { id: string }> = {} as never;

beforeAll(async () => {
  owner = new pg.Client({ connectionString: ownerDatabaseUrl() });
  await owner.connect();
  ws = await createWorkspace({ name: 'Filter Desk' });
  agent = await addMember(ws.id, 'agent');
  asAgent = callerFor({ userId: agent.userId, workspaceId: ws.id });
  billing = await createTestTeam(ws.id, { name: 'Billing', memberUserIds: [agent.userId] });
  support = await createTestTeam(ws.id, { name: 'Support', memberUserIds: [agent.userId] });
  category = await createTestCategory(ws.id, { name: 'Invoices' });

  const ticket = (teamId: string, channel: 'email' | 'web', tags: string[], more: { priority?: 'high' } = {}) =>
    createTestTicket(ws.id, { teamId, channel, tags, ...more });
  t.T1 = await createTestTicket(ws.id, {
    teamId: billing.id,
    channel: 'email',
    tags: ['vip'],
    priority: 'high',
    categoryId: category.id,
    assigneeId: agent.userId,
  });
  t.T2 = await ticket(billing.id, 'email', []);
  t.T3 = await ticket(billing.id, 'web', ['vip']);
  t.T4 = await ticket(support.id, 'email', ['vip']);
  t.T5 = await ticket(billing.id, 'email', ['vip']);
  t.T6 = await ticket(billing.id, 'email', ['vip']);
  t.T7 = await ticket(billing.id, 'email', ['vip']);

  await replyAt(owner, asAgent, t.T1.id, at('2026-04-06T10:20:00Z'), 'solved');
  await replyAt(owner, asAgent, t.T2.id, at('2026-04-07T09:40:00Z'));
  await replyAt(owner, asAgent, t.T4.id, at('2026-04-09T13:00:00Z'), 'solved');
  await replyAt(owner, asAgent, t.T5.id, at('2026-04-01T09:00:00Z'));
  await asAgent.ticket.updateStatus({ ticketId: t.T5.id, status: 'solved' });

  await placeTicket(owner, t.T1.id, at('2026-04-06T10:00:00Z'), {
    firstRespondedAt: at('2026-04-06T10:20:00Z'),
    solvedAt: at('2026-04-06T12:00:00Z'),
  });
  await placeTicket(owner, t.T2.id, at('2026-04-07T09:00:00Z'), { firstRespondedAt: at('2026-04-07T09:40:00Z') });
  await placeTicket(owner, t.T3.id, at('2026-04-08T11:00:00Z'));
  await placeTicket(owner, t.T4.id, at('2026-04-08T14:00:00Z'), {
    firstRespondedAt: at('2026-04-09T13:00:00Z'),
    solvedAt: at('2026-04-09T14:00:00Z'),
  });
  await placeTicket(owner, t.T5.id, at('2026-04-01T08:00:00Z'), {
    firstRespondedAt: at('2026-04-01T09:00:00Z'),
    solvedAt: at('2026-04-06T08:00:00Z'),
  });
  await placeTicket(owner, t.T6.id, at('2026-03-20T08:00:00Z'));
  await placeTicket(owner, t.T7.id, at('2026-04-13T08:00:00Z'));
  await dispatchPendingEvents(ws.id);
});

afterAll(async () => {
  await owner?.end();
});

const ids = (list: { id: string }[]) => list.map((x) => x.id).sort();
const of = (...keys: Array<keyof typeof t>) => keys.map((k) => t[k].id).sort();

describe('the dashboard filtered by several dimensions at once, counted by hand', () => {
  it('team AND channel: T1, T2, T5 and T6 (T7 after the range)', async () => {
    const d = await asAgent.report.dashboard({ ...RANGE, filters: { team: billing.id, channel: 'email' } });
    expect(d.filters).toEqual({ team: billing.id, channel: 'email' });
    expect(d.current).toMatchObject({ created: 2, solved: 2, reopened: 0, backlog: 2 });
    // Open before the previous period: T6; T5 came in during it.
    expect(d.previous).toMatchObject({ created: 1, solved: 0, backlog: 2 });
    const day = (x: string) => d.series.find((s) => s.day === x)!;
    expect(d.series).toHaveLength(7);
    expect(day('2026-04-06')).toMatchObject({ created: 1, solved: 2, backlog: 1 });
    expect(day('2026-04-07')).toMatchObject({ created: 1, solved: 0, backlog: 2 });
    expect(day('2026-04-08')).toMatchObject({ created: 0, solved: 0, backlog: 2 });
    expect(day('2026-04-12')).toMatchObject({ created: 0, backlog: 2 });
    // First responses in range: T1 20, T2 40 min; resolutions T1 120, T5 7,200 min (nearest rank).
    expect(d.current.firstResponse.calendar).toEqual({ median: 20, p90: 40 });
    expect(d.previous.firstResponse.calendar).toEqual({ median: 60, p90: 60 });
    expect(d.current.resolution.calendar).toEqual({ median: 120, p90: 7200 });
    expect(d.current.repliesPerSolved).toBe(1);
    expect(d.current.oneTouchRate).toBe(1);
    // Mon 10:00 and Tue 09:00; T3 (web) and T4 (Support) are not counted.
    expect([...d.busiestHours].sort((a, b) => a.weekday - b.weekday)).toEqual([
      { weekday: 1, hour: 10, count: 1 },
      { weekday: 2, hour: 9, count: 1 },
    ]);
    // The breakdowns stay the whole workspace's: T1, T2, T3 and T4 were created in range.
    expect(d.byTeam).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ value: billing.id, label: 'Billing', created: 3 }),
        expect.objectContaining({ value: support.id, label: 'Support', created: 1 }),
      ]),
    );
  });

  it('team AND channel AND tag: T1, T5 and T6 (T2 has no tag)', async () => {
    const d = await asAgent.report.dashboard({ ...RANGE, filters: { team: billing.id, channel: 'email', tag: 'vip' } });
    expect(d.current).toMatchObject({ created: 1, solved: 2, backlog: 1 });
    expect(d.previous).toMatchObject({ created: 1, solved: 0, backlog: 2 });
    expect(d.series.find((s) => s.day === '2026-04-06')).toMatchObject({ created: 1, solved: 2, backlog: 1 });
    expect(d.series.find((s) => s.day === '2026-04-07')).toMatchObject({ created: 0, solved: 0, backlog: 1 });
    expect(d.current.firstResponse.calendar).toEqual({ median: 20, p90: 20 });
    expect(d.current.resolution.calendar).toEqual({ median: 120, p90: 7200 });
    expect(d.busiestHours).toEqual([{ weekday: 1, hour: 10, count: 1 }]);
  });

  it('other combinations: Support AND email is T4 alone; Support AND web is nothing', async () => {
    const supportEmail = await asAgent.report.dashboard({ ...RANGE, filters: { team: support.id, channel: 'email' } });
    expect(supportEmail.current).toMatchObject({ created: 1, solved: 1, backlog: 0 });
    expect(supportEmail.series.find((s) => s.day === '2026-04-09')).toMatchObject({ created: 0, solved: 1 });
    const none = await asAgent.report.dashboard({ ...RANGE, filters: { team: support.id, channel: 'web' } });
    expect(none.current).toMatchObject({ created: 0, solved: 0, backlog: 0, csatAverage: null });
    expect(none.previous).toMatchObject({ created: 0, backlog: 0 });
    expect(none.series.every((s) => s.created === 0 && s.backlog === 0)).toBe(true);
    expect(none.busiestHours).toEqual([]);
  });

  it('the drill-down lists exactly the tickets a combined number counts', async () => {
    const list = async (metric: 'created' | 'solved' | 'responded', filters: ReportFilters) =>
      ids((await asAgent.report.tickets({ ...RANGE, metric, filters })).tickets);
    const two = { team: billing.id, channel: 'email' };
    const three = { ...two, tag: 'vip' };
    expect(await list('created', two)).toEqual(of('T1', 'T2'));
    expect(await list('solved', two)).toEqual(of('T1', 'T5'));
    expect(await list('created', three)).toEqual(of('T1'));
    expect(await list('solved', three)).toEqual(of('T1', 'T5'));
    expect(await list('responded', three)).toEqual(of('T1'));
    expect(await list('created', { team: support.id, channel: 'email' })).toEqual(of('T4'));
    expect(await list('created', { ...three, priority: 'high', category: category.id })).toEqual(of('T1'));
  });
});

/** Rows in one order, so two sources that summed the same things compare equal. */
const sorted = (s: MeasureSums) => ({
  period: s.period.map((r) => JSON.stringify([r.current, r.metric, r.bucket, r.value])).sort(),
  daily: s.daily.map((r) => JSON.stringify([r.day, r.metric, r.value])).sort(),
  openAtPrevious: s.openAtPrevious,
  hours: s.hours.map((r) => JSON.stringify([r.weekday, r.hour, r.count])).sort(),
});
const wide: DashboardDays = { previousFrom: '2026-02-01', from: '2026-03-15', to: '2026-04-30' };

describe('one filter: the fact sums and the rollup sums agree', () => {
  it('for every dimension, unfiltered, and over a range that holds every ticket', async () => {
    const singles: ReportFilters[] = [
      {},
      { team: billing.id },
      { team: support.id },
      { agent: agent.userId },
      { channel: 'email' },
      { channel: 'web' },
      { priority: 'high' },
      { priority: 'normal' },
      { category: category.id },
      { tag: 'vip' },
      { tag: 'nobody-uses-this' },
    ];
    // Every dimension is covered at least once.
    expect(new Set(singles.flatMap((f) => Object.keys(f)))).toEqual(new Set(REPORT_FILTER_DIMENSIONS));
    let compared = 0;
    for (const days of [DAYS, wide])
      for (const filters of singles) {
        const [single] = Object.entries(filters) as Array<[keyof ReportFilters, string]>;
        const [facts, rollups] = await runInTenant(ws.id, async (scope) => [
          await sumFactMeasures(scope, filters, days),
          await sumRollupMeasures(scope, single ?? null, days),
        ]);
        expect(sorted(facts), JSON.stringify({ filters, days })).toEqual(sorted(rollups));
        if (facts.period.length) compared++;
      }
    // Not a comparison of empty answers: most of them counted something.
    expect(compared).toBeGreaterThanOrEqual(18);
  });
});

describe('two filters: the fact sums and the pair rollup sums agree', () => {
  const values = (): Array<[keyof ReportFilters, string]> => [
    ['team', billing.id],
    ['team', support.id],
    ['agent', agent.userId],
    ['channel', 'email'],
    ['channel', 'web'],
    ['priority', 'high'],
    ['priority', 'normal'],
    ['category', category.id],
    ['tag', 'vip'],
  ];

  it('for every pair of dimensions, in both periods and over a range that holds every ticket', async () => {
    const list = values();
    const pairs = list.flatMap((a, i) =>
      list
        .slice(i + 1)
        .filter((b) => b[0] !== a[0])
        .map((b) => [a, b] as const),
    );
    // All fifteen pairs of the six dimensions are among them.
    expect(new Set(pairs.map(([a, b]) => pairOf(a, b)[0])).size).toBe(15);
    let compared = 0;
    for (const days of [DAYS, wide])
      for (const [a, b] of pairs) {
        const filters = Object.fromEntries([a, b]) as ReportFilters;
        const [facts, pair] = await runInTenant(ws.id, async (scope) => [
          await sumFactMeasures(scope, filters, days),
          await sumPairRollupMeasures(scope, pairOf(a, b), days),
        ]);
        expect(sorted(pair), JSON.stringify({ filters, days })).toEqual(sorted(facts));
        if (facts.period.length) compared++;
      }
    expect(compared).toBeGreaterThanOrEqual(40);
  });

  it("the upgrade's backfill from the facts writes exactly the rows the consumer keeps", async () => {
    // The migration that brought pair rollups to existing workspaces, run again under this workspace's wall
    // (it sees only this workspace's facts) in a transaction that is then rolled back.
    const migration = readFileSync(path.resolve('drizzle/0048_analytics_pair_rollups_backfill.sql'), 'utf8');
    const backfill = migration.split('--> statement-breakpoint').find((part) => part.includes('INSERT INTO'))!;
    const state = async (scope: Parameters<Parameters<typeof runInTenant>[1]>[0]) =>
      (
        await scope.db.execute(sql`
          select dimension, dimension_value, day::text, measures from analytics_pair_rollups
          where tenant_id = ${ws.id} order by 1, 2, 3`)
      ).rows;
    const rolledBack = new Error('rolled back on purpose');
    let kept: unknown[] = [];
    let backfilled: unknown[] = [];
    await expect(
      runInTenant(ws.id, async (scope) => {
        kept = await state(scope);
        await scope.db.execute(sql`delete from analytics_pair_rollups where tenant_id = ${ws.id}`);
        await scope.db.execute(sql.raw(backfill));
        backfilled = await state(scope);
        throw rolledBack;
      }),
    ).rejects.toBe(rolledBack);
    expect(kept.length).toBeGreaterThan(50);
    expect(backfilled).toEqual(kept);
  });
});

describe('filter validation', () => {
  it('an unknown filter is a 400 whose zod issue names the filters there are', async () => {
    const unknown = { ...RANGE, filters: { team: billing.id, colour: 'red' } };
    /** The input error as a client gets it: BAD_REQUEST, the zod issues in the message. */
    const issues = async (call: Promise<unknown>) => {
      const error = await call.then(
        () => null,
        (e: { code: string; message: string }) => e,
      );
      expect(error?.code).toBe('BAD_REQUEST');
      return JSON.parse(error!.message) as Array<{ code: string; path: string[]; message: string }>;
    };
    const expected = {
      code: 'unrecognized_keys',
      path: ['filters'],
      message: 'Filter by team, agent, channel, priority, category, tag only; "colour" is not one of them.',
    };
    expect(await issues(asAgent.report.dashboard(unknown as never))).toEqual([expect.objectContaining(expected)]);
    expect(await issues(asAgent.report.tickets({ ...unknown, metric: 'created' } as never))).toEqual([
      expect.objectContaining(expected),
    ]);
  });

  it('an empty value and the old one-filter shape are refused', async () => {
    await expect(asAgent.report.dashboard({ ...RANGE, filters: { team: '  ' } })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('A filter needs a value'),
    });
    await expect(
      asAgent.report.dashboard({ ...RANGE, filter: { dimension: 'team', value: billing.id } } as never),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});

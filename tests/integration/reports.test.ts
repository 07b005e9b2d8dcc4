import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInTenant } from '@/server/db/tenant';
import { ownerDatabaseUrl } from '@/server/db/urls';
import { recordEvent } from '@/server/services/outbox/record-event';
import { applyAnalyticsEvent } from '@/server/services/reports/apply-analytics-event';
import { queueWeeklyDigest } from '@/server/services/reports/queue-weekly-digest';
import { rebuildWorkspaceRollups } from '@/server/services/reports/rebuild-workspace-rollups';
import { callerFor, type Caller } from '../helpers/caller';
import { addMember, createWorkspace, type TestMember, type TestWorkspace } from '../helpers/factories';
import { dispatchPendingEvents } from '../helpers/notification-mail';
import { placeTicket, replyAt } from '../helpers/report-moments';
import { createTestCalendar } from '../helpers/sla-factories';
import { createTestTicket } from '../helpers/ticket-factories';

// The dashboard against a desk whose every moment is known. The workspace counts days in New York, and the
// range 2026-03-02 … 03-08 ends on the night clocks there go forward (03-08 02:00 EST → 03:00 EDT), so the
// range's two ends sit at different UTC offsets. Tickets are made through the services, then their moments
// are set through the owner connection (what the days would have left behind), then the worker's consumer
// runs over the recorded events. Every expected figure below is counted by hand from this list:
//   A  created Mon 03-02 09:00, email, high, agent; reply +30 min; solved +120 min; rated 5; FR SLA met
//   B  created Sun 03-01 23:30 (previous period; 04:30Z on 03-02); reply 03-02 00:30 (+60 min); open
//   C  created Sun 03-08 23:59 EDT (03:59Z on 03-09: still in range); open, no reply
//   D  created Mon 03-09 00:01 EDT: after the range
//   E  created Tue 03-03 10:00, agent; replies +10 and +40 min; solved, reopened Wed 03-04 09:00, solved
//      Wed 10:00 (+1440 min; 480 business minutes on a 9–17 weekday calendar); rated 2, then 4 on Thu 03-05;
//      resolution SLA breached
const TZ = 'America/New_York';
const RANGE = { from: '2026-03-02', to: '2026-03-08' };
const at = (iso: string) => new Date(iso);

let owner: pg.Client;
let ws: TestWorkspace;
let other: TestWorkspace;
let agent: TestMember;
let asAgent: Caller;
let asOther: Caller;
const t: Record<'A' | 'B' | 'C' | 'D' | 'E', { id: string }> = {} as never;

const place = (ticketId: string, createdAt: Date, set: { firstRespondedAt?: Date; solvedAt?: Date } = {}) =>
  placeTicket(owner, ticketId, createdAt, set);
const reply = (ticketId: string, when: Date, status?: 'solved') => replyAt(owner, asAgent, ticketId, when, status);

/** A rating as the CSAT capability records it (`csat.received`), given at `when`. */
async function ratingEvent(ticketId: string, when: Date, rating: number) {
  const id = await runInTenant(ws.id, (scope) => recordEvent(scope, 'csat.received', { ticketId, rating, scale: 5 }));
  await owner.query(`update outbox set created_at = $2 where id = $1`, [id, when]);
}

/** The survey the solved mail opened (its one `csat.requested` event), moved to when that mail went out. */
async function surveySentAt(ticketId: string, when: Date) {
  const { rowCount } = await owner.query(
    `update outbox set created_at = $3 where tenant_id = $1 and kind = 'event'
       and payload ->> 'type' = 'csat.requested' and payload -> 'data' ->> 'ticketId' = $2`,
    [ws.id, ticketId, when],
  );
  expect(rowCount).toBe(1);
}

/**
 * Every non-zero rollup row of the workspace (a pair row as one per measure), in key order: two states are
 * equal when these are.
 */
async function rollupState(workspaceId = ws.id) {
  const { rows } = await owner.query(
    `select dimension, dimension_value, to_char(day, 'YYYY-MM-DD') as day, metric, bucket, value::int
     from analytics_rollups where tenant_id = $1 and value <> 0
     union all
     select dimension, dimension_value, to_char(day, 'YYYY-MM-DD'), split_part(key, ':', 1), split_part(key, ':', 2)::int,
       value::int
     from analytics_pair_rollups, jsonb_each_text(measures) where tenant_id = $1 and value::int <> 0
     order by 1, 2, 3, 4, 5`,
    [workspaceId],
  );
  return rows;
}

beforeAll(async () => {
  owner = new pg.Client({ connectionString: ownerDatabaseUrl() });
  await owner.connect();
  ws = await createWorkspace({ name: 'Report Desk' });
  other = await createWorkspace({ name: 'Other Desk' });
  await owner.query(`update tenants set settings = settings || $2::jsonb where id = $1`, [
    ws.id,
    JSON.stringify({ timezone: TZ }),
  ]);
  agent = await addMember(ws.id, 'agent');
  asAgent = callerFor({ userId: agent.userId, workspaceId: ws.id });
  asOther = callerFor({ userId: other.owner.userId, workspaceId: other.id });
  const calendar = await createTestCalendar(ws.id, { timeZone: TZ });

  t.A = await createTestTicket(ws.id, { channel: 'email', priority: 'high' });
  t.B = await createTestTicket(ws.id);
  t.C = await createTestTicket(ws.id);
  t.D = await createTestTicket(ws.id);
  t.E = await createTestTicket(ws.id);
  for (const k of ['A', 'E'] as const) await asAgent.ticket.assign({ ticketId: t[k].id, assigneeId: agent.userId });

  await reply(t.A.id, at('2026-03-02T14:30:00Z'), 'solved');
  await reply(t.B.id, at('2026-03-02T05:30:00Z'));
  await reply(t.E.id, at('2026-03-03T15:10:00Z'));
  await reply(t.E.id, at('2026-03-03T15:40:00Z'), 'solved');
  await asAgent.ticket.updateStatus({ ticketId: t.E.id, status: 'open' });
  await owner.query(
    `update ticket_activities set created_at = '2026-03-04T14:00:00Z'
     where ticket_id = $1 and changes -> 'status' ->> 'from' = 'solved' and changes -> 'status' ->> 'to' = 'open'`,
    [t.E.id],
  );
  await asAgent.ticket.updateStatus({ ticketId: t.E.id, status: 'solved' });

  await place(t.A.id, at('2026-03-02T14:00:00Z'), {
    firstRespondedAt: at('2026-03-02T14:30:00Z'),
    solvedAt: at('2026-03-02T16:00:00Z'),
  });
  await place(t.B.id, at('2026-03-02T04:30:00Z'), { firstRespondedAt: at('2026-03-02T05:30:00Z') });
  await place(t.C.id, at('2026-03-09T03:59:00Z'));
  await place(t.D.id, at('2026-03-09T04:01:00Z'));
  await place(t.E.id, at('2026-03-03T15:00:00Z'), {
    firstRespondedAt: at('2026-03-03T15:10:00Z'),
    solvedAt: at('2026-03-04T15:00:00Z'),
  });
  // SLA clocks as the SLA engine would have left them: A's first response met, E's resolution late.
  await owner.query(
    `insert into ticket_sla_targets (tenant_id, ticket_id, metric, calendar_id, started_at, target_minutes, due_at, met_at)
     values ($1, $2, 'first_response', null, '2026-03-02T14:00:00Z', 60, '2026-03-02T15:00:00Z', '2026-03-02T14:30:00Z'),
            ($1, $3, 'resolution', $4, '2026-03-03T15:00:00Z', 120, '2026-03-03T17:00:00Z', '2026-03-04T15:00:00Z')`,
    [ws.id, t.A.id, t.E.id, calendar.id],
  );
  // The consumers run over the events so far; the solved mails open A's and E's surveys, which records one
  // `csat.requested` each (pending: the worker would dispatch them next). They are moved to when those mails
  // went out, the ratings arrive, and the rest is dispatched, so no event is left undelivered.
  await dispatchPendingEvents(ws.id);
  await surveySentAt(t.A.id, at('2026-03-02T16:05:00Z'));
  await surveySentAt(t.E.id, at('2026-03-04T15:05:00Z'));
  await ratingEvent(t.A.id, at('2026-03-02T17:00:00Z'), 5);
  await ratingEvent(t.E.id, at('2026-03-04T16:00:00Z'), 2);
  await ratingEvent(t.E.id, at('2026-03-05T14:00:00Z'), 4);
  await dispatchPendingEvents(ws.id);
});

afterAll(async () => {
  await owner?.end();
});

describe('dashboard figures, counted by hand', () => {
  it('volume, backlog and the previous period, with days in the workspace zone', async () => {
    const d = await asAgent.report.dashboard(RANGE);
    expect(d.timeZone).toBe(TZ);
    expect(d.previousRange).toEqual({ from: '2026-02-23', to: '2026-03-01' });
    expect(d.current).toMatchObject({ created: 3, solved: 2, reopened: 1, backlog: 2 });
    expect(d.previous).toMatchObject({ created: 1, solved: 0, backlog: 1 });
    const day = (x: string) => d.series.find((s) => s.day === x)!;
    expect(day('2026-03-02')).toMatchObject({ created: 1, solved: 1, backlog: 1 });
    expect(day('2026-03-03')).toMatchObject({ created: 1, solved: 0, backlog: 2 });
    expect(day('2026-03-04')).toMatchObject({ solved: 1, reopened: 1, backlog: 1 });
    expect(day('2026-03-08')).toMatchObject({ created: 1, backlog: 2 });
    expect(d.series).toHaveLength(7);
    expect(d.byChannel).toEqual(expect.arrayContaining([expect.objectContaining({ value: 'email', created: 1 })]));
    // Mon 09:00, Tue 10:00, Sun 23:00 local.
    expect(d.busiestHours.sort((a, b) => a.weekday - b.weekday)).toEqual([
      { weekday: 0, hour: 23, count: 1 },
      { weekday: 1, hour: 9, count: 1 },
      { weekday: 2, hour: 10, count: 1 },
    ]);
  });

  it('speed: medians and 90th percentiles in calendar and business time, replies and one-touch', async () => {
    const d = await asAgent.report.dashboard(RANGE);
    // First responses in range: E 10, A 30, B 60 min.
    expect(d.current.firstResponse.calendar).toEqual({ median: 30, p90: 60 });
    // Resolutions: A 120, E 1440 calendar minutes; E is 480 business minutes on its clock's calendar.
    expect(d.current.resolution.calendar).toEqual({ median: 120, p90: 1440 });
    expect(d.current.resolution.business).toEqual({ median: 120, p90: 480 });
    expect(d.current.repliesPerSolved).toBe(1.5);
    expect(d.current.oneTouchRate).toBe(0.5);
  });

  it('SLA per target and satisfaction', async () => {
    const d = await asAgent.report.dashboard(RANGE);
    expect(d.sla).toEqual([
      { metric: 'first_response', met: 1, breached: 0, compliance: 1 },
      { metric: 'next_response', met: 0, breached: 0, compliance: null },
      { metric: 'resolution', met: 0, breached: 1, compliance: 0 },
    ]);
    expect(d.current.slaCompliance).toBe(0.5);
    // A 5 and E's latest rating 4: average 4.5, both satisfied, two surveys sent, two answered.
    expect(d.current).toMatchObject({
      csatAverage: 4.5,
      csatSatisfiedRate: 1,
      csatResponses: 2,
      csatResponseRate: 1,
    });
    expect(d.series.find((s) => s.day === '2026-03-05')).toMatchObject({ csatAverage: 4, csatResponses: 1 });
  });

  it('filters by one dimension and lists agents with their open load', async () => {
    const byAgent = await asAgent.report.dashboard({ ...RANGE, filters: { agent: agent.userId } });
    expect(byAgent.current).toMatchObject({ created: 2, solved: 2, reopened: 1 });
    const byChannel = await asAgent.report.dashboard({ ...RANGE, filters: { channel: 'email' } });
    expect(byChannel.current).toMatchObject({ created: 1, solved: 1, oneTouchRate: 1 });
    const row = (await asAgent.report.dashboard(RANGE)).agents.find((a) => a.agentId === agent.userId);
    expect(row).toMatchObject({
      solved: 2,
      firstResponseMedian: 10,
      resolutionMedian: 120,
      csatAverage: 4.5,
      openLoad: 0,
    });
  });

  it('every number drills down to exactly the tickets it counts', async () => {
    const ids = async (metric: 'created' | 'solved' | 'reopened' | 'responded' | 'rated' | 'sla_breached') =>
      (await asAgent.report.tickets({ ...RANGE, metric })).tickets.map((x) => x.id).sort();
    expect(await ids('created')).toEqual([t.A.id, t.C.id, t.E.id].sort());
    expect(await ids('solved')).toEqual([t.A.id, t.E.id].sort());
    expect(await ids('reopened')).toEqual([t.E.id]);
    expect(await ids('responded')).toEqual([t.A.id, t.B.id, t.E.id].sort());
    expect(await ids('rated')).toEqual([t.A.id, t.E.id].sort());
    expect(await ids('sla_breached')).toEqual([t.E.id]);
  });

  it('refuses a bad range with a message saying what to fix', async () => {
    await expect(asAgent.report.dashboard({ from: '2026-03-08', to: '2026-03-01' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('end date is before the start date'),
    });
    await expect(asAgent.report.dashboard({ from: '2026-02-30', to: '2026-03-01' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });
});

describe('weekly summary mail', () => {
  it('goes to the chosen members once per week, through the outbox, with the week figures', async () => {
    const asOwner = callerFor({ userId: ws.owner.userId, workspaceId: ws.id });
    await expect(asAgent.report.updateDigest({ userIds: [agent.userId] })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(asOwner.report.updateDigest({ userIds: [other.owner.userId] })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await asOwner.report.updateDigest({ userIds: [agent.userId] });
    expect(await asOwner.report.digest()).toEqual({ userIds: [agent.userId] });
    // Monday 03-09, 10:00 in New York: last week is 03-02 … 03-08, the range counted above.
    const monday = at('2026-03-09T14:00:00Z');
    expect(await runInTenant(ws.id, (scope) => queueWeeklyDigest(scope, monday))).toBe(1);
    expect(await runInTenant(ws.id, (scope) => queueWeeklyDigest(scope, at('2026-03-10T14:00:00Z')))).toBe(0);
    const { rows } = await owner.query(
      `select payload from outbox where tenant_id = $1 and kind = 'email' and payload ->> 'subject' like '%support summary%'`,
      [ws.id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].payload).toMatchObject({
      to: agent.email,
      subject: expect.stringContaining('2026-03-02 to 2026-03-08'),
    });
    expect(rows[0].payload.text).toContain('Created: 3 (week before: 1)');
    expect(rows[0].payload.text).toContain('CSAT (average of 5): 4.5');
  });
});

describe('rollups under redelivery, disorder and rebuild', () => {
  it('the same events again, and shuffled copies, change nothing; a rebuild from scratch agrees', async () => {
    const maintained = await rollupState();
    expect(maintained.length).toBeGreaterThan(0);
    const { rows: events } = await owner.query(
      `select id, payload, created_at from outbox where tenant_id = $1 and kind = 'event' order by created_at`,
      [ws.id],
    );
    // Each event delivered again (skipped by its id), then under new ids in reverse and shuffled order.
    const deliver = (list: typeof events, fresh: boolean) =>
      runInTenant(ws.id, async (scope) => {
        for (const e of list)
          await applyAnalyticsEvent(scope, {
            ...e.payload,
            id: fresh ? crypto.randomUUID() : e.id,
            occurredAt: new Date(e.created_at),
          });
      });
    await deliver(events, false);
    await deliver([...events].reverse(), true);
    await deliver(
      [...events].sort(() => Math.random() - 0.5),
      true,
    );
    expect(await rollupState()).toEqual(maintained);
    await runInTenant(ws.id, (scope) => rebuildWorkspaceRollups(scope));
    expect(await rollupState()).toEqual(maintained);
  });

  it("another workspace sees none of it, and cannot list this one's tickets", async () => {
    const d = await asOther.report.dashboard(RANGE);
    expect(d.current).toMatchObject({ created: 0, solved: 0, backlog: 0 });
    const drill = await asOther.report.tickets({
      ...RANGE,
      metric: 'created',
      filters: { agent: agent.userId },
    });
    expect(drill.tickets).toEqual([]);
    // Re-read as the other workspace: the wall, not the query's where clause, hides the rows.
    const seen = await runInTenant(other.id, async ({ db }) => {
      const { sql } = await import('drizzle-orm');
      return (
        await db.execute(sql`
          select (select count(*)::int from analytics_rollups where tenant_id = ${ws.id}) as n,
            (select count(*)::int from analytics_pair_rollups where tenant_id = ${ws.id}) as pairs`)
      ).rows;
    });
    expect(seen).toEqual([{ n: 0, pairs: 0 }]);
  });
});

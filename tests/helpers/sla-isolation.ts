import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { businessCalendars, slaPolicies } from '@/server/db/schema';
import { runInTenant } from '@/server/db/tenant';
import type { Caller } from './caller';
import type { TestWorkspace } from './factories';
import { createTestCalendar, createTestPolicy } from './sla-factories';

// The SLA cases of tests/integration/cross-workspace.test.ts: A's owner tries every SLA procedure on B's
// calendars, policies, teams and tickets; B's rows stay exactly as they were.

type Side = { ws: TestWorkspace; team: { id: string }; agent: { userId: string }; ticket: { id: string } };
type Case = { kind: 'takes-id' | 'scoped' | 'tenant-independent' | 'portal'; why: string; run: () => Promise<void> };

const sampleIcs = [
  'BEGIN:VCALENDAR',
  'BEGIN:VEVENT',
  'DTSTART;VALUE=DATE:20261225',
  'SUMMARY:Christmas',
  'END:VEVENT',
  'END:VCALENDAR',
].join('\r\n');
const weekly = [[], [{ start: '08:00', end: '16:00' }], [], [], [], [], []];
const targets = { urgent: { first_response: 30 } };

export function slaIsolationCases(sides: () => { A: Side; B: Side; asA: Caller }): Record<string, Case> {
  let built:
    | Promise<{
        calendarA: { id: string };
        calendarB: { id: string; name: string };
        policyA: { id: string };
        policyB: { id: string; name: string };
      }>
    | undefined;
  const worlds = () =>
    (built ??= (async () => {
      const calendarA = await createTestCalendar(sides().A.ws.id);
      const calendarB = await createTestCalendar(sides().B.ws.id);
      const policyA = await createTestPolicy(sides().A.ws.id, { calendarId: calendarA.id });
      const policyB = await createTestPolicy(sides().B.ws.id, { calendarId: calendarB.id });
      return { calendarA, calendarB, policyA, policyB };
    })());
  const notFound = (call: Promise<unknown>) => expect(call).rejects.toMatchObject({ code: 'NOT_FOUND' });
  const bCalendar = async (id: string) =>
    (
      await runInTenant(sides().B.ws.id, ({ db }) =>
        db.select().from(businessCalendars).where(eq(businessCalendars.id, id)),
      )
    )[0];
  const bPolicy = async (id: string) =>
    (await runInTenant(sides().B.ws.id, ({ db }) => db.select().from(slaPolicies).where(eq(slaPolicies.id, id))))[0];

  return {
    'businessCalendar.list': {
      kind: 'scoped',
      why: "lists A's calendars only",
      run: async () => {
        const { calendarA, calendarB } = await worlds();
        const ids = (await sides().asA.businessCalendar.list()).map((c) => c.id);
        expect(ids).toContain(calendarA.id);
        expect(ids).not.toContain(calendarB.id);
      },
    },
    'businessCalendar.save': {
      kind: 'takes-id',
      why: "B's calendar id answers NOT_FOUND and B's calendar is unchanged",
      run: async () => {
        const { calendarB } = await worlds();
        const before = await bCalendar(calendarB.id);
        await notFound(
          sides().asA.businessCalendar.save({
            calendarId: calendarB.id,
            calendar: { name: 'Taken over', timeZone: 'UTC', weekly },
          }),
        );
        expect(await bCalendar(calendarB.id)).toEqual(before);
      },
    },
    'businessCalendar.delete': {
      kind: 'takes-id',
      why: "B's calendar id answers NOT_FOUND and it still exists",
      run: async () => {
        const { calendarB } = await worlds();
        await notFound(sides().asA.businessCalendar.delete({ calendarId: calendarB.id }));
        expect(await bCalendar(calendarB.id)).toBeDefined();
      },
    },
    'businessCalendar.importHolidays': {
      kind: 'takes-id',
      why: "B's calendar id answers NOT_FOUND and its holidays are unchanged",
      run: async () => {
        const { calendarB } = await worlds();
        await notFound(sides().asA.businessCalendar.importHolidays({ calendarId: calendarB.id, ics: sampleIcs }));
        expect((await bCalendar(calendarB.id))!.holidays).toEqual([]);
      },
    },
    'slaPolicy.list': {
      kind: 'scoped',
      why: "lists A's policies only",
      run: async () => {
        const { policyA, policyB } = await worlds();
        const ids = (await sides().asA.slaPolicy.list()).map((p) => p.id);
        expect(ids).toContain(policyA.id);
        expect(ids).not.toContain(policyB.id);
      },
    },
    'slaPolicy.save': {
      kind: 'takes-id',
      why: "B's policy, calendar, team, agent and category ids answer NOT_FOUND; B's policy is unchanged",
      run: async () => {
        const { policyB, calendarB } = await worlds();
        const before = await bPolicy(policyB.id);
        await notFound(sides().asA.slaPolicy.save({ policyId: policyB.id, name: 'Taken over', targets }));
        await notFound(sides().asA.slaPolicy.save({ name: 'Borrowed calendar', calendarId: calendarB.id, targets }));
        await notFound(
          sides().asA.slaPolicy.save({
            name: 'Borrowed team',
            targets,
            escalations: [{ trigger: 'breach', afterMinutes: 0, assignToTeamId: sides().B.team.id }],
          }),
        );
        await notFound(
          sides().asA.slaPolicy.save({
            name: 'Borrowed agent',
            targets,
            escalations: [{ trigger: 'breach', afterMinutes: 0, notifyUserIds: [sides().B.agent.userId] }],
          }),
        );
        expect(await bPolicy(policyB.id)).toEqual(before);
        expect((await sides().asA.slaPolicy.list()).map((p) => p.name)).not.toContain('Borrowed calendar');
      },
    },
    'slaPolicy.delete': {
      kind: 'takes-id',
      why: "B's policy id answers NOT_FOUND and it still exists",
      run: async () => {
        const { policyB } = await worlds();
        await notFound(sides().asA.slaPolicy.delete({ policyId: policyB.id }));
        expect(await bPolicy(policyB.id)).toBeDefined();
      },
    },
    'slaPolicy.reorder': {
      kind: 'takes-id',
      why: "an order naming B's policy answers NOT_FOUND; B's order is unchanged",
      run: async () => {
        const { policyA, policyB } = await worlds();
        const before = await bPolicy(policyB.id);
        await notFound(sides().asA.slaPolicy.reorder({ policyIds: [policyB.id, policyA.id] }));
        expect((await bPolicy(policyB.id))!.position).toBe(before!.position);
      },
    },
    'slaSettings.get': {
      kind: 'scoped',
      why: "reads A's defaults, not B's",
      run: async () => {
        await runInTenant(sides().B.ws.id, async (scope) => {
          const { updateSlaDefaults } = await import('@/server/services/sla/sla-defaults');
          await updateSlaDefaults(scope, { defaultTargets: { urgent: { first_response: 7 } }, warnAtPercent: 50 });
        });
        const mine = await sides().asA.slaSettings.get();
        expect(mine.defaultTargets.urgent?.first_response).not.toBe(7);
      },
    },
    'slaSettings.update': {
      kind: 'scoped',
      why: "changes A's defaults only",
      run: async () => {
        await sides().asA.slaSettings.update({ defaultTargets: { urgent: { first_response: 11 } }, warnAtPercent: 80 });
        const { getSlaDefaults } = await import('@/server/services/sla/sla-defaults');
        const theirs = await runInTenant(sides().B.ws.id, (scope) => getSlaDefaults(scope));
        expect(theirs.defaultTargets.urgent?.first_response).not.toBe(11);
      },
    },
    'slaReport.metrics': {
      kind: 'takes-id',
      why: "B's team id answers NOT_FOUND; counts cover A's clocks only",
      run: async () => {
        const range = { from: new Date(Date.now() - 86_400_000), to: new Date(Date.now() + 86_400_000) };
        await notFound(sides().asA.slaReport.metrics({ ...range, teamId: sides().B.team.id }));
        const mine = await sides().asA.slaReport.metrics(range);
        const mineCount = mine.byMetric.reduce((n, m) => n + m.measured, 0);
        const { slaMetrics } = await import('@/server/services/sla/sla-metrics');
        const all = await runInTenant(sides().B.ws.id, (scope) => slaMetrics(scope, range));
        expect(mineCount).toBeGreaterThan(0);
        expect(all.byMetric.reduce((n, m) => n + m.measured, 0)).toBeGreaterThan(0);
      },
    },
  };
}

import { expect } from 'vitest';
import type { Caller } from './caller';
import type { TestWorkspace } from './factories';
import { dispatchPendingEvents } from './notification-mail';

// The dashboard cases of tests/integration/cross-workspace.test.ts: A's owner reads the dashboard, its self-service
// part and its drill-down lists, filtered by B's team and agent ids; nothing of B's tickets shows.

type Side = { ws: TestWorkspace; team: { id: string }; agent: { userId: string }; ticket: { id: string } };
type Case = { kind: 'takes-id' | 'scoped' | 'tenant-independent' | 'portal'; why: string; run: () => Promise<void> };

export function reportIsolationCases(sides: () => { A: Side; B: Side; asA: Caller }): Record<string, Case> {
  let ready: Promise<{ from: string; to: string }> | undefined;
  // Both workspaces' events through the rollup consumer once; the range is today (UTC, the default zone) ± 1.
  const rollups = () =>
    (ready ??= (async () => {
      await dispatchPendingEvents(sides().A.ws.id);
      await dispatchPendingEvents(sides().B.ws.id);
      const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
      return { from: day(-1), to: day(1) };
    })());

  return {
    'report.calendar': {
      kind: 'scoped',
      why: "A's own time zone and today",
      run: async () => {
        const calendar = await sides().asA.report.calendar();
        expect(calendar).toEqual({ timeZone: 'UTC', today: new Date().toISOString().slice(0, 10) });
      },
    },
    'report.digest': {
      kind: 'scoped',
      why: "reads A's recipients only",
      run: async () => {
        expect((await sides().asA.report.digest()).userIds).not.toContain(sides().B.agent.userId);
      },
    },
    'report.updateDigest': {
      kind: 'takes-id',
      why: "B's member as a recipient answers NOT_FOUND and stores nothing",
      run: async () => {
        await expect(sides().asA.report.updateDigest({ userIds: [sides().B.agent.userId] })).rejects.toMatchObject({
          code: 'NOT_FOUND',
        });
        expect((await sides().asA.report.digest()).userIds).toEqual([]);
      },
    },
    'report.dashboard': {
      kind: 'scoped',
      why: "counts A's tickets only; B's team id as a filter, alone or with another, counts nothing",
      run: async () => {
        const range = await rollups();
        const mine = await sides().asA.report.dashboard(range);
        expect(mine.current.created).toBeGreaterThan(0);
        const theirs = await sides().asA.report.dashboard({
          ...range,
          filters: { team: sides().B.team.id },
        });
        expect(theirs.current.created).toBe(0);
        // Two filters are summed from the ticket facts: the same wall holds there.
        const combined = await sides().asA.report.dashboard({
          ...range,
          filters: { team: sides().B.team.id, channel: 'web' },
        });
        expect(combined.current.created).toBe(0);
        expect(mine.agents.map((a) => a.agentId)).not.toContain(sides().B.agent.userId);
      },
    },
    'report.selfService': {
      kind: 'scoped',
      why: "reads A's help center only",
      run: async () => {
        const range = await rollups();
        const result = await sides().asA.report.selfService(range);
        expect(result.searchesWithoutResult).toBeGreaterThanOrEqual(0);
        expect(result.topArticles.every((a) => typeof a.title === 'string')).toBe(true);
      },
    },
    'report.tickets': {
      kind: 'scoped',
      why: "lists A's tickets; B's agent id as a filter lists none",
      run: async () => {
        const range = await rollups();
        const mine = (await sides().asA.report.tickets({ ...range, metric: 'created' })).tickets.map((t) => t.id);
        expect(mine).toContain(sides().A.ticket.id);
        expect(mine).not.toContain(sides().B.ticket.id);
        const theirs = await sides().asA.report.tickets({
          ...range,
          metric: 'created',
          filters: { agent: sides().B.agent.userId },
        });
        expect(theirs.tickets).toEqual([]);
      },
    },
  };
}

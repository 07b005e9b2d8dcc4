import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import {
  agentProfiles,
  teamAssignmentSettings,
  ticketTriageSuggestions,
  tickets,
  triageSettings,
} from '@/server/db/schema';
import { runInTenant } from '@/server/db/tenant';
import type { Caller } from './caller';
import type { TestMember, TestWorkspace } from './factories';

// The assignment and triage cases of tests/integration/cross-workspace.test.ts, kept here so that file only
// spreads them in. A's owner tries every procedure against workspace B's teams, agents and tickets.

type Side = { ws: TestWorkspace; agent: TestMember; team: { id: string }; ticket: { id: string } };
type Case = { kind: 'takes-id' | 'scoped' | 'tenant-independent' | 'portal'; why: string; run: () => Promise<void> };

const inWs = <T>(side: Side, work: Parameters<typeof runInTenant<T>>[1]) => runInTenant(side.ws.id, work);

/** An open triage suggestion on B's ticket, as the consumer leaves it. */
async function suggestOn(side: Side, categoryId: string | null = null) {
  await inWs(side, ({ db }) =>
    db
      .insert(ticketTriageSuggestions)
      .values({
        tenantId: side.ws.id,
        ticketId: side.ticket.id,
        categoryId,
        priority: 'urgent',
        priorityConfidence: 0.9,
      })
      .onConflictDoUpdate({ target: ticketTriageSuggestions.ticketId, set: { status: 'open' } }),
  );
}

export function assignmentIsolationCases(sides: () => { A: Side; B: Side; asA: Caller }): Record<string, Case> {
  const notFound = (call: Promise<unknown>) => expect(call).rejects.toMatchObject({ code: 'NOT_FOUND' });
  return {
    'assignment.team': {
      kind: 'takes-id',
      why: "B's team ids answer NOT_FOUND; A's team lists A's agents only",
      run: async () => {
        const { A, B, asA } = sides();
        await notFound(asA.assignment.team({ teamId: B.team.id }));
        const mine = await asA.assignment.team({ teamId: A.team.id });
        expect(mine.agents.map((a) => a.userId)).toEqual([A.agent.userId]);
      },
    },
    'assignment.updateTeam': {
      kind: 'takes-id',
      why: "B's team and B's people answer NOT_FOUND; B's team keeps no policy",
      run: async () => {
        const { A, B, asA } = sides();
        const input = { policy: 'round_robin' as const, leadUserId: null, preferPreviousAgent: false };
        await notFound(asA.assignment.updateTeam({ teamId: B.team.id, ...input }));
        await notFound(asA.assignment.updateTeam({ teamId: A.team.id, ...input, leadUserId: B.agent.userId }));
        expect(await inWs(B, ({ db }) => db.select().from(teamAssignmentSettings))).toEqual([]);
      },
    },
    'assignment.updateAgent': {
      kind: 'takes-id',
      why: "B's agent answers NOT_FOUND and gets no profile",
      run: async () => {
        const { B, asA } = sides();
        await notFound(asA.assignment.updateAgent({ userId: B.agent.userId, capacity: 1, skills: [], languages: [] }));
        const rows = await inWs(B, ({ db }) =>
          db.select().from(agentProfiles).where(eq(agentProfiles.userId, B.agent.userId)),
        );
        expect(rows).toEqual([]);
      },
    },
    'assignment.myAvailability': {
      kind: 'scoped',
      why: "reads the caller's status in A, not their row in another workspace",
      run: async () => {
        const { A, asA } = sides();
        await inWs(A, ({ db }) => db.delete(agentProfiles).where(eq(agentProfiles.userId, A.ws.owner.userId)));
        expect(await asA.assignment.myAvailability()).toEqual({ availability: 'available', workingHours: null });
      },
    },
    'assignment.setMyAvailability': {
      kind: 'scoped',
      why: "writes the caller's row in A only",
      run: async () => {
        const { A, B, asA } = sides();
        await asA.assignment.setMyAvailability({ availability: 'away', workingHours: null });
        const inA = await inWs(A, ({ db }) => db.select().from(agentProfiles));
        expect(inA.map((r) => [r.tenantId, r.userId])).toContainEqual([A.ws.id, A.ws.owner.userId]);
        expect(await inWs(B, ({ db }) => db.select().from(agentProfiles))).toEqual([]);
        await asA.assignment.setMyAvailability({ availability: 'available', workingHours: null });
      },
    },
    'triage.settings': {
      kind: 'scoped',
      why: "shows A's triage only, never B's accuracy",
      run: async () => {
        const { B, asA } = sides();
        await inWs(B, ({ db }) =>
          db
            .insert(triageSettings)
            .values({ tenantId: B.ws.id, categoryAccuracy: 0.42, trainedOn: 99 })
            .onConflictDoNothing(),
        );
        expect(await asA.triage.settings()).not.toMatchObject({ trainedOn: 99 });
      },
    },
    'triage.updateSettings': {
      kind: 'scoped',
      why: "changes A's threshold; B's stays",
      run: async () => {
        const { B, asA } = sides();
        await asA.triage.updateSettings({ threshold: 0.8, kbNoteEnabled: false });
        const [row] = await inWs(B, ({ db }) => db.select().from(triageSettings));
        expect(row?.threshold ?? 0.6).toBeCloseTo(0.6);
        expect(row?.kbNoteEnabled ?? true).toBe(true);
      },
    },
    'triage.retrain': {
      kind: 'scoped',
      why: 'asks to retrain A only',
      run: async () => {
        const { B, asA } = sides();
        await asA.triage.retrain();
        const [row] = await inWs(B, ({ db }) => db.select().from(triageSettings));
        expect(row?.trainRequestedAt ?? null).toBeNull();
      },
    },
    'triage.suggestion': {
      kind: 'takes-id',
      why: "B's ticket shows no suggestion to A",
      run: async () => {
        const { B, asA } = sides();
        await suggestOn(B);
        expect(await asA.triage.suggestion({ ticketId: B.ticket.id })).toBeNull();
      },
    },
    'triage.accept': {
      kind: 'takes-id',
      why: "B's ticket answers NOT_FOUND; its priority and suggestion stay",
      run: async () => {
        const { B, asA } = sides();
        await suggestOn(B);
        await notFound(asA.triage.accept({ ticketId: B.ticket.id }));
        const [ticket] = await inWs(B, ({ db }) => db.select().from(tickets).where(eq(tickets.id, B.ticket.id)));
        expect(ticket?.priority).not.toBe('urgent');
        const [row] = await inWs(B, ({ db }) => db.select().from(ticketTriageSuggestions));
        expect(row?.status).toBe('open');
      },
    },
    'triage.dismiss': {
      kind: 'takes-id',
      why: "B's suggestion answers NOT_FOUND and stays open",
      run: async () => {
        const { B, asA } = sides();
        await suggestOn(B);
        await notFound(asA.triage.dismiss({ ticketId: B.ticket.id }));
        const [row] = await inWs(B, ({ db }) => db.select().from(ticketTriageSuggestions));
        expect(row?.status).toBe('open');
      },
    },
  };
}

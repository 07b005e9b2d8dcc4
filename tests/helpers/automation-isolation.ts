import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { automationRules } from '@/server/db/schema';
import { runInTenant } from '@/server/db/tenant';
import { createTestRule } from './automation-factories';
import type { Caller } from './caller';
import type { TestWorkspace } from './factories';
import { createTestTicket } from './ticket-factories';

// The automation-rule cases of tests/integration/cross-workspace.test.ts: A's owner tries every rule
// procedure on B's rules, teams and tickets; B's rules read back exactly as they were.

type Side = { ws: TestWorkspace; team: { id: string } };
type Case = { kind: 'takes-id' | 'scoped' | 'tenant-independent' | 'portal'; why: string; run: () => Promise<void> };

export function automationIsolationCases(sides: () => { A: Side; B: Side; asA: Caller }): Record<string, Case> {
  let built: Promise<{ ruleA: { id: string }; ruleB: { id: string; name: string } }> | undefined;
  const worlds = () =>
    (built ??= (async () => ({
      ruleA: await createTestRule(sides().A.ws.id, { actions: [{ type: 'add_tags', tags: ['a-side'] }] }),
      ruleB: await createTestRule(sides().B.ws.id, {
        conditions: { match: 'all', conditions: [{ field: 'text', op: 'has_any', values: ['isolation'] }] },
        actions: [{ type: 'add_tags', tags: ['b-side'] }],
      }),
    }))());
  const notFound = (call: Promise<unknown>) => expect(call).rejects.toMatchObject({ code: 'NOT_FOUND' });
  const bRule = async (id: string) =>
    (
      await runInTenant(sides().B.ws.id, ({ db }) =>
        db.select().from(automationRules).where(eq(automationRules.id, id)),
      )
    )[0];
  const unchanged = async (id: string, run: () => Promise<void>) => {
    const before = await bRule(id);
    await run();
    expect(await bRule(id)).toEqual(before);
  };
  const rule = (extra: object = {}) => ({
    name: `Isolation ${Math.random().toString(36).slice(2, 8)}`,
    kind: 'event' as const,
    triggers: ['ticket.created' as const],
    actions: [{ type: 'add_tags' as const, tags: ['x'] }],
    ...extra,
  });

  return {
    'automationRule.list': {
      kind: 'scoped',
      why: "lists A's rules only",
      run: async () => {
        const { ruleA, ruleB } = await worlds();
        const ids = (await sides().asA.automationRule.list()).map((r) => r.id);
        expect(ids).toContain(ruleA.id);
        expect(ids).not.toContain(ruleB.id);
      },
    },
    'automationRule.get': {
      kind: 'takes-id',
      why: "B's rule is not found",
      run: async () => notFound(sides().asA.automationRule.get({ ruleId: (await worlds()).ruleB.id })),
    },
    'automationRule.save': {
      kind: 'takes-id',
      why: "B's rule cannot be overwritten, and an action cannot name B's team",
      run: async () => {
        const { ruleB } = await worlds();
        await unchanged(ruleB.id, () => notFound(sides().asA.automationRule.save(rule({ ruleId: ruleB.id }))));
        await notFound(
          sides().asA.automationRule.save(rule({ actions: [{ type: 'assign_team', teamId: sides().B.team.id }] })),
        );
      },
    },
    'automationRule.setEnabled': {
      kind: 'takes-id',
      why: "B's rule cannot be switched off",
      run: async () => {
        const { ruleB } = await worlds();
        await unchanged(ruleB.id, () =>
          notFound(sides().asA.automationRule.setEnabled({ ruleId: ruleB.id, enabled: false })),
        );
      },
    },
    'automationRule.delete': {
      kind: 'takes-id',
      why: "B's rule cannot be deleted",
      run: async () => {
        const { ruleB } = await worlds();
        await unchanged(ruleB.id, () => notFound(sides().asA.automationRule.delete({ ruleId: ruleB.id })));
      },
    },
    'automationRule.reorder': {
      kind: 'takes-id',
      why: "B's rules cannot be put in A's order",
      run: async () => {
        const { ruleA, ruleB } = await worlds();
        await unchanged(ruleB.id, () =>
          notFound(sides().asA.automationRule.reorder({ ruleIds: [ruleA.id, ruleB.id] })),
        );
      },
    },
    'automationRule.dryRun': {
      kind: 'scoped',
      why: "replays A's events only: B's matching ticket is never listed",
      run: async () => {
        const ticketB = await createTestTicket(sides().B.ws.id, { subject: 'Isolation check' });
        const result = await sides().asA.automationRule.dryRun({
          days: 7,
          rule: rule({
            conditions: { match: 'all', conditions: [{ field: 'text', op: 'has_any', values: ['isolation'] }] },
          }),
        });
        expect(result.matches.map((m) => m.ticketId)).not.toContain(ticketB.id);
      },
    },
  };
}

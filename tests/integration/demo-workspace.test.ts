import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { TICKET_STATUSES } from '@/lib/constants/ticket';
import { articles, tickets, ticketSlaTargets } from '@/server/db/schema';
import { runInTenant } from '@/server/db/tenant';
import { seedDemoArticles } from '@/server/services/help/seed-demo-articles';
import { seedDemoTickets } from '@/server/services/workspace/seed-demo-tickets';
import { seedDemoTriage } from '@/server/services/workspace/seed-demo-triage';
import { callerFor } from '../helpers/caller';
import {
  addMember,
  asStaff,
  createTestCustomer,
  createTestTeam,
  createWorkspace,
  type TestWorkspace,
} from '../helpers/factories';

// What a first look at the demo workspace shows (server/services/workspace/seed-demo.ts): a help center
// worth searching and a desk with a ticket in every status, made through the services so the clocks are real.
let ws: TestWorkspace;
let agentId: string;
beforeAll(async () => {
  ws = await createWorkspace();
  agentId = (await addMember(ws.id, 'agent')).userId;
  await createTestTeam(ws.id, { name: 'Frontline', memberUserIds: [agentId] });
  for (const name of ['Casey', 'Jordan', 'Riley']) await createTestCustomer(ws.id, { name });
  const owner = { userId: ws.owner.userId, role: 'owner' as const };
  await asStaff(ws.id, owner, async (scope) => {
    await seedDemoArticles(scope);
    await seedDemoTickets(scope);
    await seedDemoTriage(scope, [agentId]);
  });
});

describe('demo workspace', () => {
  it('publishes a dozen public articles in several categories, each with sections, plus one internal', async () => {
    const rows = await runInTenant(ws.id, ({ db }) => db.select().from(articles).where(eq(articles.tenantId, ws.id)));
    const published = rows.filter((a) => a.status === 'published');
    expect(published).toHaveLength(rows.length);
    expect(published.filter((a) => a.visibility === 'public').length).toBeGreaterThanOrEqual(12);
    expect(published.filter((a) => a.visibility === 'internal')).toHaveLength(1);
    expect(rows.every((a) => a.sectionId && a.bodyMarkdown.length > 80)).toBe(true);

    const anonymous = callerFor({});
    const categories = await anonymous.help.categories({ workspace: ws.slug });
    expect(categories.map((c) => c.slug)).toEqual(['account', 'billing', 'data', 'developers']);
    for (const [query, slug] of [
      ['api key', 'api-keys'],
      ['export csv', 'export-to-csv'],
      ['change plan', 'change-your-plan'],
    ] as const)
      expect((await anonymous.help.search({ workspace: ws.slug, query })).items[0]?.slug).toBe(slug);
  });

  it('has a ticket in every status; pending and on-hold clocks are paused, solved and closed ones stopped', async () => {
    const rows = await runInTenant(ws.id, ({ db }) =>
      db
        .select({ status: tickets.status, dueAt: ticketSlaTargets.dueAt, metAt: ticketSlaTargets.metAt })
        .from(tickets)
        .leftJoin(ticketSlaTargets, eq(ticketSlaTargets.ticketId, tickets.id))
        .where(eq(tickets.tenantId, ws.id)),
    );
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(TICKET_STATUSES));
    const clocks = (status: string) => rows.filter((r) => r.status === status);
    for (const status of ['pending', 'on_hold']) {
      const running = clocks(status).filter((c) => !c.metAt);
      expect(running.length, `${status} has a clock still to meet`).toBeGreaterThan(0);
      expect(
        running.every((c) => c.dueAt === null),
        `${status} clocks are paused (no due time)`,
      ).toBe(true);
    }
    for (const status of ['new', 'open']) expect(clocks(status).every((c) => c.dueAt && !c.metAt)).toBe(true);
    for (const status of ['solved', 'closed']) expect(clocks(status).every((c) => c.metAt)).toBe(true);
  });

  it('assigns Frontline by least load and shows a trained classifier with its accuracy', async () => {
    const owner = callerFor({ userId: ws.owner.userId, workspaceId: ws.id });
    const team = (await owner.team.list()).find((t) => t.name === 'Frontline')!;
    expect(await owner.assignment.team({ teamId: team.id })).toMatchObject({
      policy: 'least_loaded',
      preferPreviousAgent: true,
      agents: [{ userId: agentId, capacity: 8, skills: ['account', 'login', 'api'] }],
    });
    const triage = await owner.triage.settings();
    expect(triage.trainedOn).toBeGreaterThanOrEqual(12);
    expect(triage.categoryAccuracy).not.toBeNull();
  });
});

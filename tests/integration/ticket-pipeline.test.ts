import { and, eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox, ticketActivities, tickets, ticketSlaTargets } from '@/server/db/schema';
import { runInTenant } from '@/server/db/tenant';
import { ownerDatabaseUrl } from '@/server/db/urls';
import { metrics } from '@/server/metrics/registry';
import { checkTicketSla } from '@/server/services/sla-check/check-ticket-sla';
import { recomputeTicketSla } from '@/server/services/sla/recompute-ticket-sla';
import { callerFor, type Caller } from '../helpers/caller';
import {
  addMember,
  createTestCustomer,
  createTestOrganization,
  createWorkspace,
  type TestMember,
  type TestWorkspace,
} from '../helpers/factories';
import { createTestPolicy } from '../helpers/sla-factories';

// The ticket-change pipeline (STYLE §8): one change through any use case is one row update, one activity
// entry, the events its diff raises and at most one SLA recomputation, all in the change's transaction.
// Recomputations are counted with cairn_sla_recomputations_total, the counter the worker exports.

let owner: pg.Client;
let ws: TestWorkspace;
let agent: TestMember;
let asAgent: Caller;

beforeAll(async () => {
  owner = new pg.Client({ connectionString: ownerDatabaseUrl() });
  await owner.connect();
  ws = await createWorkspace({ name: 'Pipeline Desk' });
  agent = await addMember(ws.id, 'agent');
  asAgent = callerFor({ userId: agent.userId, workspaceId: ws.id });
});

afterAll(async () => {
  await owner?.end();
});

const recomputations = async () => (await metrics.slaRecomputations.get()).values[0]?.value ?? 0;

/** How many times the SLA clocks were recomputed while `work` ran. */
async function recomputationsDuring(work: () => Promise<unknown>) {
  const before = await recomputations();
  await work();
  return (await recomputations()) - before;
}

async function customerTicket() {
  const customer = await createTestCustomer(ws.id);
  return callerFor({ portal: { tenantId: ws.id, customerId: customer.id } }).portal.createTicket({
    subject: 'The export hangs',
    body: 'It spins forever.',
  });
}

const activitiesOf = (ticketId: string) =>
  runInTenant(ws.id, ({ db }) =>
    db
      .select()
      .from(ticketActivities)
      .where(eq(ticketActivities.ticketId, ticketId))
      .orderBy(ticketActivities.createdAt),
  );

const eventsOf = async (ticketId: string) =>
  (
    await runInTenant(ws.id, ({ db }) =>
      db
        .select()
        .from(outbox)
        .where(and(eq(outbox.kind, 'event'), sql`${outbox.payload}->'data'->>'ticketId' = ${ticketId}`))
        .orderBy(outbox.createdAt),
    )
  ).map((r) => r.payload as { type: string; data: Record<string, unknown> });

const eventTypesOf = async (ticketId: string) => (await eventsOf(ticketId)).map((e) => e.type);

describe('one ticket change', () => {
  it('a new ticket: one creation entry, one ticket.created, one recomputation', async () => {
    let id = '';
    expect(await recomputationsDuring(async () => (id = (await customerTicket()).id))).toBe(1);
    expect((await activitiesOf(id)).map((a) => a.action)).toEqual(['created']);
    expect(await eventTypesOf(id)).toEqual(['ticket.created']);
  });

  it("a new ticket's clocks, computed from the row as built, are the ones its stored rows give", async () => {
    // The create writes its clocks in its one statement from facts it holds; a recomputation reads the stored
    // ticket, activity log and thread. They must agree: a policy chosen by the requester's organization, for
    // a customer's new ticket and an agent's (already open, low priority) one.
    const org = await createTestOrganization(ws.id);
    const minutes = { first_response: 17, next_response: 25, resolution: 300 };
    await createTestPolicy(ws.id, {
      name: 'Org',
      conditions: { organizationIds: [org.id] },
      targets: { low: { ...minutes, first_response: 41 }, normal: minutes, high: minutes, urgent: minutes },
    });
    const customer = await createTestCustomer(ws.id, { organizationId: org.id });
    const portal = callerFor({ portal: { tenantId: ws.id, customerId: customer.id } });
    const created = [
      await portal.portal.createTicket({ subject: 'Clocks as built', body: 'Please help.' }),
      await asAgent.ticket.create({
        requester: { customerId: customer.id },
        subject: 'Clocks as built, by an agent',
        body: 'Calling on their behalf.',
        priority: 'low',
        assigneeId: agent.userId,
      }),
    ];
    const clocks = (id: string) =>
      runInTenant(ws.id, async ({ db }) =>
        (await db.select().from(ticketSlaTargets).where(eq(ticketSlaTargets.ticketId, id)))
          .map(({ id: _id, updatedAt: _updatedAt, ...rest }) => rest)
          .sort((a, b) => a.metric.localeCompare(b.metric)),
      );
    const firstResponse = [17, 41];
    for (const [i, { id }] of created.entries()) {
      const built = await clocks(id);
      expect(built.find((c) => c.metric === 'first_response')?.targetMinutes).toBe(firstResponse[i]);
      await runInTenant(ws.id, (scope) => recomputeTicketSla(scope, id));
      expect(await clocks(id)).toEqual(built);
    }
  });

  it('a first reply: the message counters, one activity entry, its events, one recomputation', async () => {
    const { id } = await customerTicket();
    expect(await recomputationsDuring(() => asAgent.ticket.reply({ ticketId: id, body: 'Looking into it.' }))).toBe(1);
    const [row] = await runInTenant(ws.id, ({ db }) => db.select().from(tickets).where(eq(tickets.id, id)));
    expect(row).toMatchObject({ status: 'open', messageCount: 2 });
    expect(row!.firstRespondedAt).toEqual(row!.lastAgentMessageAt);
    const activities = await activitiesOf(id);
    expect(activities.map((a) => a.action)).toEqual(['created', 'replied']);
    expect(activities[1]!.changes).toEqual({ status: { from: 'new', to: 'open' } });
    expect(await eventTypesOf(id)).toEqual(['ticket.created', 'ticket.message_added', 'ticket.status_changed']);
  });

  it('several fields at once: one activity entry with all of them and one recomputation', async () => {
    const { id } = await customerTicket();
    const changed = await recomputationsDuring(() =>
      asAgent.ticket.update({
        ticketId: id,
        priority: 'urgent',
        tags: ['vip'],
        subject: 'The export hangs on Mondays',
      }),
    );
    expect(changed).toBe(1);
    const activities = await activitiesOf(id);
    expect(activities).toHaveLength(2);
    expect(activities[1]!.changes).toEqual({
      priority: { from: 'normal', to: 'urgent' },
      tags: { from: [], to: ['vip'] },
      subject: { from: 'The export hangs', to: 'The export hangs on Mondays' },
    });
    expect(await eventTypesOf(id)).toEqual(['ticket.created', 'ticket.priority_changed']);
  });

  it('a change that moves no clock (the subject) recomputes nothing; no change writes nothing', async () => {
    const { id } = await customerTicket();
    expect(await recomputationsDuring(() => asAgent.ticket.update({ ticketId: id, subject: 'Exports hang' }))).toBe(0);
    expect(await recomputationsDuring(() => asAgent.ticket.update({ ticketId: id, subject: 'Exports hang' }))).toBe(0);
    expect((await activitiesOf(id)).map((a) => a.action)).toEqual(['created', 'updated']);
    expect(await eventTypesOf(id)).toEqual(['ticket.created']);
  });

  it('a merge is one change per ticket: one recomputation each, ticket.merged on the source', async () => {
    const source = await customerTicket();
    const target = await customerTicket();
    const merged = await recomputationsDuring(() =>
      asAgent.ticket.merge({ sourceTicketId: source.id, targetTicketId: target.id }),
    );
    expect(merged).toBe(2);
    expect((await activitiesOf(source.id)).map((a) => a.action)).toEqual(['created', 'merged']);
    expect((await activitiesOf(target.id)).map((a) => a.action)).toEqual(['created', 'merged_in']);
    expect(await eventTypesOf(source.id)).toEqual(['ticket.created', 'ticket.merged']);
    expect(await eventTypesOf(target.id)).toEqual(['ticket.created']);
  });

  it('an SLA check whose escalation raises the priority: the check recomputes once, the change once', async () => {
    const tag = `pipeline-${Date.now()}`;
    const policy = await createTestPolicy(ws.id, {
      name: `Pipeline ${tag}`,
      conditions: { tags: [tag] },
      targets: { normal: { first_response: 60 }, urgent: { first_response: 60 } },
      escalations: [{ trigger: 'breach', afterMinutes: 0, setPriority: 'urgent', assignToUserId: agent.userId }],
    });
    const { id } = await customerTicket();
    await asAgent.ticket.update({ ticketId: id, tags: [tag] });
    for (const table of ['tickets', 'ticket_messages', 'ticket_activities'])
      await owner.query(
        `update ${table} set created_at = created_at - interval '2 hours' where ${table === 'tickets' ? 'id' : 'ticket_id'} = $1`,
        [id],
      );

    let recorded = {};
    const checked = await recomputationsDuring(
      async () => (recorded = await runInTenant(ws.id, (scope) => checkTicketSla(scope, id))),
    );
    expect(recorded).toMatchObject({ breaches: 1, escalations: 1 });
    expect(checked).toBe(2);
    const applied = (await activitiesOf(id)).filter((a) => a.action === 'sla_escalation_applied');
    expect(applied).toHaveLength(1);
    expect(applied[0]!.changes).toEqual({
      priority: { from: 'normal', to: 'urgent' },
      assigneeId: { from: null, to: agent.userId },
    });
    // One change by the SLA, said so on its events: a rule can tell it from an agent's.
    const events = (await eventsOf(id)).filter(
      (e) => e.type === 'ticket.priority_changed' || e.type === 'ticket.assigned',
    );
    expect(events.map((e) => e.type)).toEqual(['ticket.assigned', 'ticket.priority_changed']);
    for (const event of events) expect(event.data).toMatchObject({ actorType: 'system', via: 'sla' });
    await callerFor({ userId: ws.owner.userId, workspaceId: ws.id }).slaPolicy.delete({ policyId: policy.id });
  });
});

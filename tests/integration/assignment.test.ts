import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { EVENT_CONSUMERS } from '@/jobs/events/consumers';
import { processEventDispatch } from '@/jobs/processors/event-dispatch';
import { outbox, ticketActivities, tickets } from '@/server/db/schema';
import { runInTenant } from '@/server/db/tenant';
import { assignByPolicy } from '@/server/services/assignment/assign-by-policy';
import { assigneeOf, createAssignedTeam, dispatchEvents, pendingEvents, setProfile } from '../helpers/assignment';
import { callerFor } from '../helpers/caller';
import { addMember, createTestCustomer, createWorkspace, type TestWorkspace } from '../helpers/factories';
import { createTestTicket } from '../helpers/ticket-factories';

// Assignment by team policy, as the worker does it: the ticket.created (or ticket.assigned) event is handed
// to the team-assignment consumer by the real event.dispatch processor, in its transaction.

let ws: TestWorkspace;

beforeAll(async () => {
  ws = await createWorkspace({ name: 'Assignment Desk' });
});

/** A new ticket in a team, then its ticket.created event dispatched; returns the ticket and who got it. */
async function fileAndAssign(teamId: string, opts: Parameters<typeof createTestTicket>[1] = {}) {
  const ticket = await createTestTicket(ws.id, { teamId, ...opts });
  await dispatchEvents(ws.id, ticket.id, 'ticket.created');
  return { ticket, assigneeId: await assigneeOf(ws.id, ticket.id) };
}

const mailsTo = (email: string) =>
  runInTenant(ws.id, ({ db }) =>
    db
      .select({ subject: sql<string>`${outbox.payload}->>'subject'` })
      .from(outbox)
      .where(and(eq(outbox.kind, 'email'), sql`${outbox.payload}->>'to' = ${email}`)),
  );

describe('assignment policies', () => {
  it('round robin hands tickets to each agent in turn, wrapping, and the activity names the policy', async () => {
    const { team, agents } = await createAssignedTeam(ws.id, { agents: 3, policy: 'round_robin' });
    const picked = [];
    for (let i = 0; i < 4; i++) picked.push((await fileAndAssign(team.id)).assigneeId);
    expect(picked).toEqual([agents[0]!.userId, agents[1]!.userId, agents[2]!.userId, agents[0]!.userId]);

    const { ticket } = await fileAndAssign(team.id);
    const [entry] = await runInTenant(ws.id, ({ db }) =>
      db
        .select()
        .from(ticketActivities)
        .where(and(eq(ticketActivities.ticketId, ticket.id), eq(ticketActivities.action, 'auto_assigned'))),
    );
    expect(entry).toMatchObject({ actorType: 'system', actorUserId: null });
    expect(entry!.reason).toMatch(/Assignment policy of team .* \(round robin\)/);
    expect(entry!.changes).toMatchObject({ assigneeId: { from: null, to: agents[1]!.userId }, status: { to: 'open' } });
  });

  it('least loaded weighs open tickets by priority, and an agent at capacity is skipped', async () => {
    const { team, agents } = await createAssignedTeam(ws.id, { agents: 2, policy: 'least_loaded' });
    const [heavy, light] = agents as [(typeof agents)[0], (typeof agents)[0]];
    // heavy: one urgent ticket (weight 4); light: two low ones (weight 2) but more tickets.
    await createTestTicket(ws.id, { assigneeId: heavy.userId, priority: 'urgent' });
    await createTestTicket(ws.id, { assigneeId: light.userId, priority: 'low' });
    await createTestTicket(ws.id, { assigneeId: light.userId, priority: 'low' });
    expect((await fileAndAssign(team.id, { priority: 'low' })).assigneeId).toBe(light.userId);
    // light now holds 3 tickets: at a capacity of 3 they are skipped although still lighter.
    await setProfile(ws.id, light.userId, { capacity: 3 });
    expect((await fileAndAssign(team.id)).assigneeId).toBe(heavy.userId);
  });

  it('by skill: the agent covering the ticket’s tags or category and speaking its language', async () => {
    const { team, agents } = await createAssignedTeam(ws.id, { agents: 3, policy: 'skills' });
    const [billing, shippingEn, shippingDe] = agents as [(typeof agents)[0], (typeof agents)[0], (typeof agents)[0]];
    await setProfile(ws.id, billing.userId, { skills: ['billing'], languages: ['en', 'de'] });
    await setProfile(ws.id, shippingEn.userId, { skills: ['shipping'], languages: ['en'] });
    await setProfile(ws.id, shippingDe.userId, { skills: ['shipping', 'returns'], languages: ['de'] });
    expect((await fileAndAssign(team.id, { tags: ['billing'] })).assigneeId).toBe(billing.userId);
    expect((await fileAndAssign(team.id, { tags: ['shipping'], context: { language: 'de' } })).assigneeId).toBe(
      shippingDe.userId,
    );
    expect((await fileAndAssign(team.id, { tags: ['shipping'], context: { language: 'en' } })).assigneeId).toBe(
      shippingEn.userId,
    );
    // Nobody covers "legal": the ticket waits in the team queue.
    expect((await fileAndAssign(team.id, { tags: ['legal'] })).assigneeId).toBeNull();
  });

  it('only available agents receive tickets: away, or outside working hours, is skipped', async () => {
    const { team, agents } = await createAssignedTeam(ws.id, { agents: 3, policy: 'round_robin' });
    const [away, offHours, working] = agents as [(typeof agents)[0], (typeof agents)[0], (typeof agents)[0]];
    await setProfile(ws.id, away.userId, { availability: 'away' });
    const hour = (h: number) => `${String(((h % 24) + 24) % 24).padStart(2, '0')}:00`;
    const nowHour = new Date().getUTCHours();
    await setProfile(ws.id, offHours.userId, {
      workingHours: { timeZone: 'UTC', days: [0, 1, 2, 3, 4, 5, 6], start: hour(nowHour + 2), end: hour(nowHour + 3) },
    });
    await setProfile(ws.id, working.userId, {
      workingHours: { timeZone: 'UTC', days: [0, 1, 2, 3, 4, 5, 6], start: hour(nowHour - 1), end: hour(nowHour + 2) },
    });
    const picked = [];
    for (let i = 0; i < 3; i++) picked.push((await fileAndAssign(team.id)).assigneeId);
    expect(picked).toEqual([working.userId, working.userId, working.userId]);
  });

  it('an unassignable ticket stays in the team queue and alerts the team lead once', async () => {
    const lead = await addMember(ws.id, 'agent');
    const { team, agents } = await createAssignedTeam(ws.id, {
      agents: 1,
      policy: 'least_loaded',
      leadUserId: lead.userId,
    });
    await setProfile(ws.id, agents[0]!.userId, { availability: 'away' });
    const ticket = await createTestTicket(ws.id, { teamId: team.id });
    const [eventId] = await pendingEvents(ws.id, ticket.id, 'ticket.created');
    await dispatchEvents(ws.id, ticket.id, 'ticket.created');
    expect(await assigneeOf(ws.id, ticket.id)).toBeNull();
    const alerts = await mailsTo(lead.email);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.subject).toMatch(/Waiting for an agent in/);
    // The same event run again (a retried job) and the same ticket re-checked alert nobody twice.
    await runInTenant(ws.id, ({ db }) => db.update(outbox).set({ status: 'pending' }).where(eq(outbox.id, eventId!)));
    await dispatchEvents(ws.id, ticket.id, 'ticket.created');
    expect(await mailsTo(lead.email)).toHaveLength(1);
  });

  it('previous interactions: a returning requester goes to the agent who last solved theirs, when they have room', async () => {
    const { team, agents } = await createAssignedTeam(ws.id, {
      agents: 2,
      policy: 'least_loaded',
      preferPreviousAgent: true,
    });
    const [first, second] = agents as [(typeof agents)[0], (typeof agents)[0]];
    const customer = await createTestCustomer(ws.id);
    const old = await createTestTicket(ws.id, { requesterId: customer.id, assigneeId: second.userId });
    await callerFor({ userId: second.userId, workspaceId: ws.id }).ticket.updateStatus({
      ticketId: old.id,
      status: 'solved',
    });
    // second is the heavier: least loaded alone would pick first.
    await createTestTicket(ws.id, { assigneeId: second.userId, priority: 'urgent' });
    const { ticket, assigneeId } = await fileAndAssign(team.id, { requesterId: customer.id });
    expect(assigneeId).toBe(second.userId);
    const [entry] = await runInTenant(ws.id, ({ db }) =>
      db
        .select()
        .from(ticketActivities)
        .where(eq(ticketActivities.ticketId, ticket.id))
        .orderBy(ticketActivities.createdAt),
    );
    expect(entry).toBeDefined();
    // Away: the policy decides.
    await setProfile(ws.id, second.userId, { availability: 'away' });
    expect((await fileAndAssign(team.id, { requesterId: customer.id })).assigneeId).toBe(first.userId);
  });

  it('a ticket moved to a team with a policy is assigned; manual teams and assigned tickets are left alone', async () => {
    const { team, agents } = await createAssignedTeam(ws.id, { agents: 1, policy: 'round_robin' });
    const { team: manual } = await createAssignedTeam(ws.id, { agents: 1, policy: 'manual' });
    const owner = callerFor({ userId: ws.owner.userId, workspaceId: ws.id });
    const loose = await createTestTicket(ws.id);
    await owner.ticket.assign({ ticketId: loose.id, teamId: team.id });
    await dispatchEvents(ws.id, loose.id, 'ticket.assigned');
    expect(await assigneeOf(ws.id, loose.id)).toBe(agents[0]!.userId);
    // Its own ticket.assigned event (assignee only) sets nothing off again.
    expect(await pendingEvents(ws.id, loose.id, 'ticket.assigned')).toHaveLength(1);
    await dispatchEvents(ws.id, loose.id, 'ticket.assigned');
    expect(await assigneeOf(ws.id, loose.id)).toBe(agents[0]!.userId);

    expect((await fileAndAssign(manual.id)).assigneeId).toBeNull();
    const preset = await createTestTicket(ws.id, { teamId: team.id, assigneeId: ws.owner.userId });
    await expect(runInTenant(ws.id, (scope) => assignByPolicy(scope, preset.id))).resolves.toEqual({
      outcome: 'skipped',
      reason: 'assigned',
    });
  });
});

describe('concurrency', () => {
  it('tickets dispatched at once never put an agent past capacity', async () => {
    const { team, agents } = await createAssignedTeam(ws.id, { agents: 2, policy: 'least_loaded' });
    for (const agent of agents) await setProfile(ws.id, agent.userId, { capacity: 2 });
    const filed = [];
    for (let i = 0; i < 6; i++) filed.push(await createTestTicket(ws.id, { teamId: team.id }));
    const consumers = EVENT_CONSUMERS.filter((c) => c.name === 'team-assignment');
    const eventIds = (await Promise.all(filed.map((t) => pendingEvents(ws.id, t.id, 'ticket.created')))).flat();
    await Promise.all(eventIds.map((outboxId) => processEventDispatch({ tenantId: ws.id, outboxId }, consumers)));
    const rows = await runInTenant(ws.id, ({ db }) =>
      db.select({ assigneeId: tickets.assigneeId }).from(tickets).where(eq(tickets.teamId, team.id)),
    );
    const counts = new Map<string | null, number>();
    for (const r of rows) counts.set(r.assigneeId, (counts.get(r.assigneeId) ?? 0) + 1);
    expect(Object.fromEntries(counts)).toEqual({
      [agents[0]!.userId]: 2,
      [agents[1]!.userId]: 2,
      null: 2,
    });
  });
});

describe('settings through the router', () => {
  it('an admin sets the policy, lead and capacities; bad input says what to fix; agents set only their own status', async () => {
    const { team, agents } = await createAssignedTeam(ws.id, { agents: 1, policy: 'manual' });
    const admin = callerFor({ userId: ws.owner.userId, workspaceId: ws.id });
    const agent = callerFor({ userId: agents[0]!.userId, workspaceId: ws.id });
    const saved = await admin.assignment.updateTeam({
      teamId: team.id,
      policy: 'skills',
      leadUserId: agents[0]!.userId,
      preferPreviousAgent: true,
    });
    expect(saved).toMatchObject({ policy: 'skills', leadUserId: agents[0]!.userId, preferPreviousAgent: true });
    // The policy form sends no lead (the team card sets it): the lead stays.
    const policyOnly = await admin.assignment.updateTeam({
      teamId: team.id,
      policy: 'least_loaded',
      preferPreviousAgent: true,
    });
    expect(policyOnly).toMatchObject({ policy: 'least_loaded', leadUserId: agents[0]!.userId });
    await admin.assignment.updateAgent({
      userId: agents[0]!.userId,
      capacity: 4,
      skills: [' Billing ', 'billing', 'VAT'],
      languages: ['DE'],
    });
    expect((await admin.assignment.team({ teamId: team.id })).agents[0]).toMatchObject({
      capacity: 4,
      skills: ['billing', 'vat'],
      languages: ['de'],
      availability: 'available',
    });
    await expect(
      admin.assignment.updateAgent({ userId: agents[0]!.userId, capacity: 0, skills: [], languages: [] }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/at least 1 ticket/) });
    await expect(
      agent.assignment.updateTeam({ teamId: team.id, policy: 'manual', leadUserId: null, preferPreviousAgent: false }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      agent.assignment.setMyAvailability({
        availability: 'away',
        workingHours: { timeZone: 'Mars/Olympus', days: [1], start: '09:00', end: '17:00' },
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/time zone/) });
    await agent.assignment.setMyAvailability({
      availability: 'away',
      workingHours: { timeZone: 'Europe/Berlin', days: [5, 1, 1], start: '09:00', end: '17:00' },
    });
    expect(await agent.assignment.myAvailability()).toEqual({
      availability: 'away',
      workingHours: { timeZone: 'Europe/Berlin', days: [1, 5], start: '09:00', end: '17:00' },
    });
    // The admin's capacity survived the agent's own change.
    expect((await admin.assignment.team({ teamId: team.id })).agents[0]).toMatchObject({
      capacity: 4,
      availability: 'away',
    });
  });
});

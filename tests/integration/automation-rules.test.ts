import { forgetSettledEvents } from '@/jobs/processors/event-dispatch';
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { RULE_DEPTH_LIMIT } from '@/lib/constants/automation';
import {
  automationRuleFirings,
  automationRules,
  outbox,
  ticketActivities,
  ticketMessages,
  tickets,
} from '@/server/db/schema';
import { runInTenant } from '@/server/db/tenant';
import { recordEvent } from '@/server/services/outbox/record-event';
import { callerFor, type Caller } from '../helpers/caller';
import {
  addMember,
  createTestCustomer,
  createTestOrganization,
  createTestTeam,
  createWorkspace,
  uniqueSuffix,
  type TestMember,
  type TestWorkspace,
} from '../helpers/factories';
import { createTestCategory, createTestField, createTestMacro } from '../helpers/ticket-factories';
import { createAssignedTeam } from '../helpers/assignment';
import { createTestRule, dispatchPendingEvents } from '../helpers/automation-factories';

// Event rules end to end: a change records its event, the event is dispatched to the consumers as the worker
// does (processEventDispatch), the rules act through the ticket committer. One workspace for the file;
// each test names its own tags so rules of earlier tests (switched off at the end of each) do not interfere.

let ws: TestWorkspace;
let agent: TestMember;
let asOwner: Caller;
let asAgent: Caller;
let customerId: string;
let asCustomer: Caller;

beforeAll(async () => {
  ws = await createWorkspace({ name: 'Rules Desk' });
  agent = await addMember(ws.id, 'agent');
  const org = await createTestOrganization(ws.id, { name: 'Acme' });
  customerId = (
    await createTestCustomer(ws.id, { email: `buyer-${uniqueSuffix()}@acme.example`, organizationId: org.id })
  ).id;
  asOwner = callerFor({ userId: ws.owner.userId, workspaceId: ws.id });
  asAgent = callerFor({ userId: agent.userId, workspaceId: ws.id });
  asCustomer = callerFor({ portal: { tenantId: ws.id, customerId } });
});

const ticketRow = async (ticketId: string) =>
  (await runInTenant(ws.id, ({ db }) => db.select().from(tickets).where(eq(tickets.id, ticketId))))[0]!;
const newTicket = (subject: string, body = 'Please help.') => asCustomer.portal.createTicket({ subject, body });
const switchOff = (...ruleIds: string[]) =>
  Promise.all(ruleIds.map((ruleId) => asOwner.automationRule.setEnabled({ ruleId, enabled: false })));

describe('event rules', () => {
  it('tag and answer a matching portal ticket; the activity and the reply say which rule did it', async () => {
    const rule = await asOwner.automationRule.save({
      name: 'Refunds desk',
      kind: 'event',
      triggers: ['ticket.created'],
      conditions: {
        match: 'all',
        conditions: [
          { field: 'text', op: 'has_any', values: ['refund', 'money back'] },
          { field: 'event.channel', op: 'in', values: ['portal'] },
          { field: 'requester_domain', op: 'in', values: ['acme.example'] },
        ],
      },
      actions: [
        { type: 'add_tags', tags: ['refund'] },
        { type: 'add_note', body: 'Refund request from {{ customer.email }}.' },
        { type: 'auto_reply', body: 'Hello {{ customer.name }}, we got {{ ticket.number }} about your refund.' },
      ],
    });
    const matching = await newTicket('I want my money back', 'The blender broke.');
    const other = await newTicket('Login trouble');
    await dispatchPendingEvents(ws.id);

    expect((await ticketRow(matching.id)).tags).toEqual(['refund']);
    expect((await ticketRow(other.id)).tags).toEqual([]);
    const view = await asAgent.ticket.get({ ticketId: matching.id });
    const byRule = view.activities.filter((a) => a.actorName === 'rule Refunds desk');
    // Messages appear in the thread; the log records the field changes, by the rule.
    expect(byRule.map((a) => a.action)).toEqual(['rule_applied']);
    expect(byRule[0]!.changes).toEqual({ tags: { from: [], to: ['refund'] } });
    const messages = view.messages.map((m) => ({ kind: m.kind, authorType: m.authorType, body: m.body }));
    expect(messages).toContainEqual({
      kind: 'note',
      authorType: 'system',
      body: expect.stringMatching(/^Refund request from buyer-\w+@acme\.example\.$/),
    });
    expect(messages).toContainEqual({
      kind: 'reply',
      authorType: 'system',
      body: `Hello Test Customer, we got ${view.ticket.displayNumber} about your refund.`,
    });
    // The auto-response goes to the requester as a threaded reply mail (the notification consumer's).
    const mails = await runInTenant(ws.id, ({ db }) =>
      db.execute<{ to: string; subject: string }>(
        sql`select payload->>'to' as to, payload->>'subject' as subject from outbox where kind = 'email' and payload->>'text' like ${'%about your refund%'}`,
      ),
    );
    expect(mails.rows).toHaveLength(1);
    expect(mails.rows[0]!.subject).toContain(view.ticket.displayNumber);
    const stats = await asOwner.automationRule.get({ ruleId: rule.id });
    expect(stats).toMatchObject({ firedCount: 1, lastErrors: [] });
    await switchOff(rule.id);
  });

  it('run in the admin order, each seeing the changes of the ones before it', async () => {
    const second = await createTestRule(ws.id, {
      conditions: { match: 'all', conditions: [{ field: 'priority', op: 'in', values: ['urgent'] }] },
      actions: [{ type: 'add_tags', tags: ['order-hot'] }],
    });
    const first = await createTestRule(ws.id, {
      conditions: { match: 'all', conditions: [{ field: 'text', op: 'has_any', values: ['outage'] }] },
      actions: [{ type: 'set_priority', priority: 'urgent' }],
    });
    // Saved second-first; the order puts "first" first, so "second" sees the urgent priority.
    const eventIds = (await asOwner.automationRule.list()).filter((r) => r.kind === 'event').map((r) => r.id);
    await asOwner.automationRule.reorder({
      ruleIds: [first.id, ...eventIds.filter((id) => id !== first.id)],
    });
    const ticket = await newTicket('Total outage in the EU');
    await dispatchPendingEvents(ws.id);
    expect(await ticketRow(ticket.id)).toMatchObject({ priority: 'urgent', tags: ['order-hot'] });
    await switchOff(first.id, second.id);
  });

  it('each trigger runs the rules that listen to it', async () => {
    const triggers = [
      'ticket.status_changed',
      'ticket.message_added',
      'ticket.assigned',
      'ticket.priority_changed',
      'sla.warning',
      'sla.breach',
    ] as const;
    const rules = await Promise.all(
      triggers.map((trigger) =>
        createTestRule(ws.id, {
          triggers: [trigger],
          actions: [{ type: 'add_tags', tags: [`on-${trigger.replace('.', '-')}`] }],
        }),
      ),
    );
    const ticket = await newTicket('Triggers');
    await dispatchPendingEvents(ws.id);
    expect((await ticketRow(ticket.id)).tags).toEqual([]);
    await asAgent.ticket.updateStatus({ ticketId: ticket.id, status: 'pending' });
    await asAgent.ticket.reply({ ticketId: ticket.id, body: 'Looking.', kind: 'note' });
    await asAgent.ticket.assign({ ticketId: ticket.id, assigneeId: agent.userId });
    await asAgent.ticket.update({ ticketId: ticket.id, priority: 'high' });
    await runInTenant(ws.id, async (scope) => {
      await recordEvent(scope, 'sla.warning', { ticketId: ticket.id, metric: 'resolution' });
      await recordEvent(scope, 'sla.breach', { ticketId: ticket.id, metric: 'resolution' });
    });
    await dispatchPendingEvents(ws.id);
    expect((await ticketRow(ticket.id)).tags.sort()).toEqual(triggers.map((t) => `on-${t.replace('.', '-')}`).sort());
    await switchOff(...rules.map((r) => r.id));
  });

  it('a satisfaction rating runs the rules that test it: a bad rating is tagged, a good one is not', async () => {
    const rule = await createTestRule(ws.id, {
      triggers: ['csat.received'],
      conditions: { match: 'all', conditions: [{ field: 'event.rating', op: 'in', values: ['1', '2'] }] },
      actions: [{ type: 'add_tags', tags: ['unhappy'] }],
    });
    const [bad, good] = [await newTicket('Rated badly'), await newTicket('Rated well')];
    await runInTenant(ws.id, async (scope) => {
      const rated = { scale: 'five', previousRating: null, hasComment: false, agentId: null, teamId: null };
      await recordEvent(scope, 'csat.received', { ticketId: bad.id, rating: 1, ...rated });
      await recordEvent(scope, 'csat.received', { ticketId: good.id, rating: 5, ...rated });
    });
    await dispatchPendingEvents(ws.id);
    expect((await ticketRow(bad.id)).tags).toEqual(['unhappy']);
    expect((await ticketRow(good.id)).tags).toEqual([]);
    await switchOff(rule.id);
  });

  it('"assign by assignment policy" hands the ticket to an agent of the team by its policy, naming the rule', async () => {
    const { team, agents } = await createAssignedTeam(ws.id, { agents: 2, policy: 'round_robin' });
    const rule = await createTestRule(ws.id, {
      name: 'Route escalations',
      conditions: { match: 'all', conditions: [{ field: 'text', op: 'has_any', values: ['route-me'] }] },
      actions: [{ type: 'assign_team', teamId: team.id }, { type: 'assign_by_policy' }],
    });
    const ticket = await newTicket('Please route-me');
    await dispatchPendingEvents(ws.id);
    const row = await ticketRow(ticket.id);
    expect(row.teamId).toBe(team.id);
    expect(agents.map((a) => a.userId)).toContain(row.assigneeId);
    const entries = await runInTenant(ws.id, ({ db }) =>
      db
        .select({ reason: ticketActivities.reason })
        .from(ticketActivities)
        .where(eq(ticketActivities.ticketId, ticket.id)),
    );
    expect(entries.map((e) => e.reason)).toContainEqual(expect.stringContaining('asked by rule "Route escalations"'));
    await switchOff(rule.id);
  });

  it('every action kind does what it says, as one rule, in order', async () => {
    const team = await createTestTeam(ws.id, { memberUserIds: [agent.userId] });
    const category = await createTestCategory(ws.id);
    const field = await createTestField(ws.id, { key: `plan_${uniqueSuffix()}` });
    const macro = await createTestMacro(ws.id, ws.owner, {
      visibility: 'everyone',
      body: 'Macro says hi to {{ customer.name }}.',
      kind: 'note',
      actions: { addTags: ['from-macro'] },
    });
    const rule = await createTestRule(ws.id, {
      conditions: { match: 'any', conditions: [{ field: 'text', op: 'has_all', values: ['every', 'action'] }] },
      actions: [
        { type: 'assign_agent', userId: agent.userId },
        { type: 'assign_team', teamId: team.id },
        { type: 'set_status', status: 'pending' },
        { type: 'set_priority', priority: 'low' },
        { type: 'escalate' },
        { type: 'set_type', ticketType: 'incident' },
        { type: 'set_category', categoryId: category.id },
        { type: 'set_field', key: field.key, value: 'gold' },
        { type: 'add_tags', tags: ['keep', 'drop'] },
        { type: 'remove_tags', tags: ['drop'] },
        { type: 'notify', userIds: [ws.owner.userId], teamId: team.id, message: 'Look at this one.' },
        { type: 'apply_macro', macroId: macro.id },
        { type: 'assign_by_policy' },
      ],
    });
    const ticket = await newTicket('Every action please');
    await dispatchPendingEvents(ws.id);
    expect(await ticketRow(ticket.id)).toMatchObject({
      assigneeId: agent.userId,
      teamId: team.id,
      status: 'pending',
      priority: 'normal',
      type: 'incident',
      categoryId: category.id,
      customFields: { [field.key]: 'gold' },
      tags: ['keep', 'from-macro'],
    });
    const notes = await runInTenant(ws.id, ({ db }) =>
      db
        .select({ body: ticketMessages.body })
        .from(ticketMessages)
        .where(and(eq(ticketMessages.ticketId, ticket.id), eq(ticketMessages.kind, 'note'))),
    );
    expect(notes).toEqual([{ body: 'Macro says hi to Test Customer.' }]);
    const notified = await runInTenant(ws.id, ({ db }) =>
      db.execute<{ to: string }>(
        sql`select payload->>'to' as to from outbox where kind = 'email' and payload->>'text' like ${'%Look at this one.%'} order by 1`,
      ),
    );
    expect(notified.rows.map((r) => r.to).sort()).toEqual([ws.owner.email, agent.email].sort());
    await switchOff(rule.id);
  });

  it('a failing rule keeps its error on its page and the next rule still runs', async () => {
    const team = await createTestTeam(ws.id);
    const failing = await createTestRule(ws.id, {
      conditions: { match: 'all', conditions: [{ field: 'text', op: 'has_any', values: ['fragile'] }] },
      actions: [{ type: 'assign_team', teamId: team.id }],
    });
    const next = await createTestRule(ws.id, {
      conditions: { match: 'all', conditions: [{ field: 'text', op: 'has_any', values: ['fragile'] }] },
      actions: [{ type: 'add_tags', tags: ['survived'] }],
    });
    await asOwner.team.delete({ teamId: team.id });
    const ticket = await newTicket('Fragile parcel');
    await dispatchPendingEvents(ws.id);
    expect(await ticketRow(ticket.id)).toMatchObject({ teamId: null, tags: ['survived'] });
    const page = await asOwner.automationRule.get({ ruleId: failing.id });
    expect(page.firedCount).toBe(0);
    expect(page.lastErrors[0]).toMatchObject({ ticketId: ticket.id, message: expect.stringContaining('team') });
    await switchOff(failing.id, next.id);
  });

  it(`the loop guard stops rules that keep undoing each other at depth ${RULE_DEPTH_LIMIT}`, async () => {
    const down = await createTestRule(ws.id, {
      triggers: ['ticket.priority_changed'],
      conditions: { match: 'all', conditions: [{ field: 'priority', op: 'in', values: ['high'] }] },
      actions: [{ type: 'set_priority', priority: 'normal' }],
    });
    const up = await createTestRule(ws.id, {
      triggers: ['ticket.priority_changed'],
      conditions: { match: 'all', conditions: [{ field: 'priority', op: 'in', values: ['normal'] }] },
      actions: [{ type: 'set_priority', priority: 'high' }],
    });
    const ticket = await newTicket('Ping pong');
    await dispatchPendingEvents(ws.id);
    await asAgent.ticket.update({ ticketId: ticket.id, priority: 'high' });
    await dispatchPendingEvents(ws.id, 30);
    const events = await runInTenant(ws.id, ({ db }) =>
      db
        .select({ payload: outbox.payload, status: outbox.status })
        .from(outbox)
        .where(
          and(
            eq(outbox.kind, 'event'),
            sql`${outbox.payload}->>'type' = 'ticket.priority_changed'`,
            sql`${outbox.payload}->'data'->>'ticketId' = ${ticket.id}`,
          ),
        )
        .orderBy(outbox.createdAt),
    );
    const depths = events.map((e) => (e.payload as { data: { ruleDepth?: number } }).data.ruleDepth ?? 0);
    expect(Math.max(...depths)).toBe(RULE_DEPTH_LIMIT);
    expect(events.every((e) => e.status === 'done')).toBe(true);
    // Neither rule ever reacted to its own change.
    for (const event of events) {
      const data = (event.payload as { data: { actorId?: string; from: string; to: string } }).data;
      if (data.actorId === down.id) expect(data.to).toBe('normal');
      if (data.actorId === up.id) expect(data.to).toBe('high');
    }
    await switchOff(down.id, up.id);
  });

  it('a redelivered event acts once', async () => {
    const rule = await createTestRule(ws.id, {
      conditions: { match: 'all', conditions: [{ field: 'text', op: 'has_any', values: ['twice'] }] },
      actions: [{ type: 'add_note', body: 'Once only.' }],
    });
    const ticket = await newTicket('Said twice');
    const [created] = await runInTenant(ws.id, ({ db }) =>
      db
        .select({ id: outbox.id })
        .from(outbox)
        .where(
          sql`${outbox.payload}->'data'->>'ticketId' = ${ticket.id} and ${outbox.payload}->>'type' = 'ticket.created'`,
        ),
    );
    await dispatchPendingEvents(ws.id);
    // As if the job ran again after a lost acknowledgement: the row is put back to pending, and the job runs
    // in a process that did not settle it.
    await runInTenant(ws.id, ({ db }) =>
      db.update(outbox).set({ status: 'pending' }).where(eq(outbox.id, created!.id)),
    );
    forgetSettledEvents();
    await dispatchPendingEvents(ws.id);
    const firings = await runInTenant(ws.id, ({ db }) =>
      db.select().from(automationRuleFirings).where(eq(automationRuleFirings.ruleId, rule.id)),
    );
    expect(firings).toHaveLength(1);
    await switchOff(rule.id);
  });
});

describe('rule admin', () => {
  it('refuses a condition the field cannot take, naming it, and stores nothing', async () => {
    const before = await runInTenant(ws.id, ({ db }) => db.select({ id: automationRules.id }).from(automationRules));
    await expect(
      asOwner.automationRule.save({
        name: 'Broken',
        kind: 'time',
        time: { since: 'created', hours: 2 },
        conditions: { match: 'all', conditions: [{ field: 'event.author', op: 'in', values: ['customer'] }] },
        actions: [{ type: 'add_tags', tags: ['x'] }],
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('time rule has none') });
    await expect(
      asOwner.automationRule.save({ name: 'No actions', kind: 'event', triggers: ['ticket.created'], actions: [] }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const after = await runInTenant(ws.id, ({ db }) => db.select({ id: automationRules.id }).from(automationRules));
    expect(after).toHaveLength(before.length);
  });

  it('has the auto-close setting as a built-in time rule that cannot be deleted, kept in step with the setting', async () => {
    const builtin = (await asOwner.automationRule.list()).find((r) => r.builtin === 'auto_close')!;
    expect(builtin).toMatchObject({ kind: 'time', enabled: true, time: { since: 'solved', hours: 96 } });
    await expect(asOwner.automationRule.delete({ ruleId: builtin.id })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await asOwner.ticketSettings.update({
      prefix: 'SUP',
      includeYear: true,
      padding: 8,
      suffix: '',
      autoCloseAfterDays: 2,
    });
    expect((await asOwner.automationRule.get({ ruleId: builtin.id })).time).toEqual({ since: 'solved', hours: 48 });
    await asOwner.automationRule.save({
      ruleId: builtin.id,
      name: builtin.name,
      kind: 'time',
      time: { since: 'solved', hours: 72 },
      conditions: builtin.conditions,
      actions: builtin.actions,
    });
    expect((await asOwner.ticketSettings.get()).autoCloseAfterDays).toBe(3);
  });
});

import { dispatchPendingEvents } from '../helpers/notification-mail';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox, slaEscalationRuns, ticketActivities, tickets, ticketSlaTargets } from '@/server/db/schema';
import { runInTenant } from '@/server/db/tenant';
import { ownerDatabaseUrl } from '@/server/db/urls';
import { formatDueTime } from '@/lib/sla';
import { checkTicketSla } from '@/server/services/sla-check/check-ticket-sla';
import { recomputeTicketSla } from '@/server/services/sla/recompute-ticket-sla';
import { recomputeWorkspaceSla } from '@/server/services/sla/recompute-workspace-sla';
import { sweepDueSla } from '@/server/services/sla-check/sweep-due-sla';
import { callerFor, type Caller } from '../helpers/caller';
import {
  addMember,
  createTestCustomer,
  createWorkspace,
  type TestMember,
  type TestWorkspace,
} from '../helpers/factories';
import { createTestCalendar, createTestPolicy } from '../helpers/sla-factories';

// SLA clocks end to end through the procedures agents and customers use, on the real database. Time is
// moved by backdating a ticket's rows through the owner connection (what an hour of waiting would leave
// behind), then recomputing: the arithmetic itself is covered case by case in tests/unit/business-hours.

let owner: pg.Client;
let ws: TestWorkspace;
let agent: TestMember;
let asAgent: Caller;
let asOwner: Caller;

const MIN = 60_000;

beforeAll(async () => {
  owner = new pg.Client({ connectionString: ownerDatabaseUrl() });
  await owner.connect();
  ws = await createWorkspace({ name: 'SLA Desk' });
  agent = await addMember(ws.id, 'agent');
  asAgent = callerFor({ userId: agent.userId, workspaceId: ws.id });
  asOwner = callerFor({ userId: ws.owner.userId, workspaceId: ws.id });
});

afterAll(async () => {
  await owner?.end();
});

/** Everything the ticket's clocks read moves `minutes` into the past, as if that time had gone by. */
async function backdate(ticketId: string, minutes: number) {
  const shift = `${minutes} minutes`;
  await owner.query(
    `update tickets set created_at = created_at - $2::interval, updated_at = updated_at - $2::interval where id = $1`,
    [ticketId, shift],
  );
  await owner.query(`update ticket_messages set created_at = created_at - $2::interval where ticket_id = $1`, [
    ticketId,
    shift,
  ]);
  await owner.query(`update ticket_activities set created_at = created_at - $2::interval where ticket_id = $1`, [
    ticketId,
    shift,
  ]);
  await runInTenant(ws.id, (scope) => recomputeTicketSla(scope, ticketId));
}

const targetsOf = async (ticketId: string) => {
  const rows = await runInTenant(ws.id, ({ db }) =>
    db.select().from(ticketSlaTargets).where(eq(ticketSlaTargets.ticketId, ticketId)),
  );
  return Object.fromEntries(rows.map((r) => [r.metric, r]));
};

async function customerTicket(opts: { subject?: string; tags?: string[] } = {}) {
  const customer = await createTestCustomer(ws.id);
  const asCustomer = callerFor({ portal: { tenantId: ws.id, customerId: customer.id } });
  const created = await asCustomer.portal.createTicket({
    subject: opts.subject ?? 'The export hangs',
    body: 'It spins forever.',
  });
  if (opts.tags) await asAgent.ticket.update({ ticketId: created.id, tags: opts.tags });
  return { ...created, asCustomer };
}

describe('which targets apply', () => {
  it('without a policy, the workspace defaults apply around the clock: normal = 24 h first response, 5 days resolution', async () => {
    const tag = `defaults-${Date.now()}`;
    const { id } = await customerTicket({ tags: [tag] });
    const targets = await targetsOf(id);
    const created = (await runInTenant(ws.id, ({ db }) => db.select().from(tickets).where(eq(tickets.id, id))))[0]!
      .createdAt;
    expect(targets.first_response!.policyId).toBeNull();
    expect(targets.first_response!.dueAt!.getTime() - created.getTime()).toBe(24 * 60 * MIN);
    expect(targets.resolution!.dueAt!.getTime() - created.getTime()).toBe(5 * 24 * 60 * MIN);
    expect(targets.first_response!.warnAt!.getTime() - created.getTime()).toBe(0.75 * 24 * 60 * MIN);
    // No customer message since a first response: no next-response clock yet.
    expect(targets.next_response).toBeUndefined();
  });

  it('the first enabled policy in order whose conditions match applies', async () => {
    const tag = `vip-${Date.now()}`;
    const loose = await createTestPolicy(ws.id, {
      name: `Loose ${tag}`,
      conditions: { tags: [tag] },
      targets: { normal: { first_response: 600 } },
    });
    const strict = await createTestPolicy(ws.id, {
      name: `Strict ${tag}`,
      conditions: { tags: [tag] },
      targets: { normal: { first_response: 30 } },
    });
    const disabled = await createTestPolicy(ws.id, {
      name: `Off ${tag}`,
      enabled: false,
      conditions: { tags: [tag] },
      targets: { normal: { first_response: 5 } },
    });
    const order = (await asOwner.slaPolicy.list())
      .map((p) => p.id)
      .filter((id) => ![loose.id, strict.id, disabled.id].includes(id));
    await asOwner.slaPolicy.reorder({ policyIds: [disabled.id, strict.id, loose.id, ...order] });

    const { id } = await customerTicket({ tags: [tag] });
    const targets = await targetsOf(id);
    expect(targets.first_response!.policyId).toBe(strict.id);
    expect(targets.first_response!.targetMinutes).toBe(30);
    // The policy has no resolution target for normal: that clock is not measured.
    expect(targets.resolution).toBeUndefined();
    const detail = await asAgent.ticket.get({ ticketId: id });
    expect(detail.sla.policy?.name).toBe(`Strict ${tag}`);
    await asOwner.slaPolicy.delete({ policyId: strict.id });
    await asOwner.slaPolicy.delete({ policyId: loose.id });
    await asOwner.slaPolicy.delete({ policyId: disabled.id });
  });

  it("the portal's confirmation and the confirmation mail promise the first-response due time the policy computed", async () => {
    const category = (await asOwner.category.list())[0]!;
    // Weekdays 09:00–17:00 in Berlin: 2,880 business minutes are six business days, not "2 days".
    const calendar = await createTestCalendar(ws.id);
    const policy = await createTestPolicy(ws.id, {
      name: `Category ${Date.now()}`,
      calendarId: calendar.id,
      conditions: { categoryIds: [category.id] },
      targets: { normal: { first_response: 2880 } },
    });
    const customer = await createTestCustomer(ws.id);
    const asCustomer = callerFor({ portal: { tenantId: ws.id, customerId: customer.id } });
    const filed = await asCustomer.portal.createTicket({
      subject: 'Invoice is wrong',
      body: 'Charged twice.',
      categoryId: category.id,
    });
    const target = (await targetsOf(filed.id)).first_response!;
    const promised = `by ${formatDueTime(target.dueAt!, 'Europe/Berlin', { yearOf: target.startedAt })}`;
    expect(filed.expectedFirstResponse).toBe(promised);
    expect(filed.expectedFirstResponse).not.toMatch(/\d+ (business )?days?/);
    // The confirmation is queued by the ticket.created event's consumer, as the worker runs it.
    await dispatchPendingEvents(ws.id);
    const mails = await runInTenant(ws.id, ({ db }) => db.select().from(outbox).where(eq(outbox.kind, 'email')));
    const confirmation = mails
      .map((m) => m.payload as { to: string; text: string })
      .find((m) => m.to === customer.email);
    expect(confirmation?.text).toContain(`You can expect a first response ${promised}.`);

    // No policy: the 24-hour default runs around the clock in UTC, so "within 24 hours" is wall-clock true.
    const other = await asCustomer.portal.createTicket({ subject: 'Another thing', body: 'Hello.' });
    const defaults = (await targetsOf(other.id)).first_response!;
    expect(other.expectedFirstResponse).toBe(
      `within 24 hours, by ${formatDueTime(defaults.dueAt!, 'UTC', { yearOf: defaults.startedAt })}`,
    );
    await asOwner.slaPolicy.delete({ policyId: policy.id });
  });

  it('a business-hours calendar moves due times past closed hours and holidays, and the explanation says so', async () => {
    const tag = `hours-${Date.now()}`;
    // Open Monday only, 09:00–10:00 in New York; every other day closed.
    const calendar = await createTestCalendar(ws.id, {
      timeZone: 'America/New_York',
      weekly: [[], [{ start: '09:00', end: '10:00' }], [], [], [], [], []],
    });
    const policy = await createTestPolicy(ws.id, {
      name: `Hours ${tag}`,
      calendarId: calendar.id,
      conditions: { tags: [tag] },
      targets: { normal: { first_response: 30 } },
    });
    const { id } = await customerTicket({ tags: [tag] });
    const detail = await asAgent.ticket.get({ ticketId: id });
    const first = detail.sla.targets.find((t) => t.metric === 'first_response')!;
    expect(detail.sla.calendar).toMatchObject({ id: calendar.id, timeZone: 'America/New_York' });
    // Due 30 open minutes after creation: on a Monday at 09:30 New York time at the earliest.
    expect(first.explanation.due!.weekday).toBe(1);
    expect(first.explanation.due!.local.slice(11)).toMatch(/^09:(3\d|[45]\d)|^10:00/);
    expect(first.explanation.countedMinutes).toBe(30);
    await asOwner.slaPolicy.delete({ policyId: policy.id });
  });
});

describe('what moves a clock', () => {
  it('an internal note does not meet first response; the first public agent reply does', async () => {
    const { id } = await customerTicket();
    await asAgent.ticket.reply({ ticketId: id, body: 'Looking into it internally.', kind: 'note' });
    expect((await targetsOf(id)).first_response!.metAt).toBeNull();
    await asAgent.ticket.reply({ ticketId: id, body: 'We are on it.', kind: 'reply' });
    const met = (await targetsOf(id)).first_response!;
    expect(met.metAt).not.toBeNull();
    expect(met.nextCheckAt).toBeNull();
    expect(
      (await asAgent.ticket.get({ ticketId: id })).sla.targets.find((t) => t.metric === 'first_response'),
    ).toMatchObject({ state: 'met', metInTime: true });
  });

  it('a customer message after the first response starts a next-response clock, which the next reply meets', async () => {
    const { id, asCustomer } = await customerTicket();
    await asAgent.ticket.reply({ ticketId: id, body: 'Try again now?' });
    await asCustomer.portal.reply({ ticketId: id, body: 'Still broken.', attachmentIds: [] });
    const waiting = (await targetsOf(id)).next_response!;
    expect(waiting.metAt).toBeNull();
    expect(waiting.dueAt!.getTime() - waiting.startedAt.getTime()).toBe(24 * 60 * MIN);
    await asAgent.ticket.reply({ ticketId: id, body: 'Fixed for real.' });
    expect((await targetsOf(id)).next_response!.metAt).not.toBeNull();
  });

  it('pending stops the clock and the paused time is added back when the ticket reopens', async () => {
    const { id, asCustomer } = await customerTicket();
    await asAgent.ticket.updateStatus({ ticketId: id, status: 'pending' });
    const paused = (await targetsOf(id)).resolution!;
    expect(paused.dueAt).toBeNull();
    expect((await asAgent.ticket.get({ ticketId: id })).sla.targets.find((t) => t.metric === 'resolution')!.state).toBe(
      'paused',
    );
    // Two hours pass while pending; then the customer answers, which reopens the ticket.
    await backdate(id, 120);
    const before = (await targetsOf(id)).resolution!;
    await asCustomer.portal.reply({ ticketId: id, body: 'Here are the details.', attachmentIds: [] });
    const resumed = (await targetsOf(id)).resolution!;
    const lifetime = Date.now() - before.startedAt.getTime();
    // Due = created + 5 days + the time spent pending (≈ the whole life of the ticket, less seconds open).
    const added = resumed.dueAt!.getTime() - before.startedAt.getTime() - 5 * 24 * 60 * MIN;
    expect(added).toBeGreaterThan(119 * MIN);
    expect(added).toBeLessThanOrEqual(lifetime);
    expect(resumed.pauses).toHaveLength(1);
  });

  it('raising the priority recomputes the due times', async () => {
    const { id } = await customerTicket();
    const normal = (await targetsOf(id)).first_response!;
    await asAgent.ticket.update({ ticketId: id, priority: 'urgent' });
    const urgent = (await targetsOf(id)).first_response!;
    expect(normal.dueAt!.getTime() - normal.startedAt.getTime()).toBe(24 * 60 * MIN);
    expect(urgent.dueAt!.getTime() - urgent.startedAt.getTime()).toBe(2 * 60 * MIN);
  });
});

describe('warnings, breaches and escalations', () => {
  it('records the warning and the breach once, escalates once (priority, reassignment, mail) and shows it on the ticket', async () => {
    const tag = `escalate-${Date.now()}`;
    const policy = await createTestPolicy(ws.id, {
      name: `Escalating ${tag}`,
      conditions: { tags: [tag] },
      targets: { normal: { first_response: 60 }, urgent: { first_response: 60 } },
      escalations: [
        {
          trigger: 'breach',
          afterMinutes: 10,
          setPriority: 'urgent',
          assignToUserId: agent.userId,
          notifyUserIds: [ws.owner.userId],
        },
      ],
    });
    const { id } = await customerTicket({ tags: [tag] });

    await backdate(id, 50); // 50 of 60 minutes gone: at risk (75%)
    await runInTenant(ws.id, (scope) => checkTicketSla(scope, id));
    let row = (await targetsOf(id)).first_response!;
    expect(row.warnedAt).not.toBeNull();
    expect(row.breachedAt).toBeNull();

    await backdate(id, 15); // 65 minutes: breached, escalation due 10 minutes after the breach
    const first = await runInTenant(ws.id, (scope) => checkTicketSla(scope, id));
    expect(first).toMatchObject({ breaches: 1, escalations: 0 });
    row = (await targetsOf(id)).first_response!;
    expect(row.breachedAt).not.toBeNull();
    expect(row.nextCheckAt!.getTime()).toBe(row.dueAt!.getTime() + 10 * MIN);

    await backdate(id, 10);
    expect(await runInTenant(ws.id, (scope) => checkTicketSla(scope, id))).toMatchObject({
      breaches: 0,
      escalations: 1,
    });
    // A second run (a duplicate timer, the sweep) changes nothing.
    expect(await runInTenant(ws.id, (scope) => checkTicketSla(scope, id))).toEqual({
      warnings: 0,
      breaches: 0,
      escalations: 0,
    });

    const ticket = (await runInTenant(ws.id, ({ db }) => db.select().from(tickets).where(eq(tickets.id, id))))[0]!;
    expect(ticket).toMatchObject({ priority: 'urgent', assigneeId: agent.userId });
    const runs = await runInTenant(ws.id, ({ db }) =>
      db.select().from(slaEscalationRuns).where(eq(slaEscalationRuns.ticketId, id)),
    );
    expect(runs).toHaveLength(1);
    expect(runs[0]!.notifiedUserIds).toEqual([ws.owner.userId]);
    // The mail is the `sla.escalated` event's consumer's, as every notification is.
    await dispatchPendingEvents(ws.id);
    const mails = await runInTenant(ws.id, ({ db }) => db.select().from(outbox).where(eq(outbox.kind, 'email')));
    expect(
      mails.filter(
        (m) =>
          (m.payload as { to: string; subject: string }).to === ws.owner.email &&
          String((m.payload as { subject: string }).subject).includes('SLA breached'),
      ),
    ).toHaveLength(1);
    const events = (await runInTenant(ws.id, ({ db }) => db.select().from(outbox).where(eq(outbox.kind, 'event'))))
      .map((e) => e.payload as { type: string; data: { ticketId: string } })
      .filter((e) => e.data.ticketId === id && e.type.startsWith('sla.'))
      .map((e) => e.type)
      .sort();
    expect(events).toEqual(['sla.breach', 'sla.escalated', 'sla.warning']);
    const actions = (
      await runInTenant(ws.id, ({ db }) => db.select().from(ticketActivities).where(eq(ticketActivities.ticketId, id)))
    ).map((a) => a.action);
    expect(actions.filter((a) => a === 'sla_warning')).toHaveLength(1);
    expect(actions.filter((a) => a === 'sla_breached')).toHaveLength(1);
    expect(actions.filter((a) => a === 'sla_escalated')).toHaveLength(1);
    const detail = await asAgent.ticket.get({ ticketId: id });
    expect(detail.sla.escalations).toHaveLength(1);
    expect(detail.sla.targets.find((t) => t.metric === 'first_response')).toMatchObject({ state: 'breached' });
    expect(detail.activities.find((a) => a.action === 'sla_escalated')!.reason).toContain(
      `Escalation level 1 of "Escalating ${tag}"`,
    );
    await asOwner.slaPolicy.delete({ policyId: policy.id });
  });

  it('the sweep finds a clock whose timer was lost and records its breach', async () => {
    const { id } = await customerTicket();
    await asAgent.ticket.update({ ticketId: id, priority: 'urgent' });
    await backdate(id, 150); // urgent: 2 h first response, now 2.5 h old, and no job ran
    const result = await sweepDueSla();
    expect(result.checked).toBeGreaterThanOrEqual(1);
    expect((await targetsOf(id)).first_response!.breachedAt).not.toBeNull();
  });

  it('a recompute that moves the due time past a recorded breach clears it (the priority was lowered)', async () => {
    const { id } = await customerTicket();
    await asAgent.ticket.update({ ticketId: id, priority: 'urgent' });
    await backdate(id, 150);
    await runInTenant(ws.id, (scope) => checkTicketSla(scope, id));
    expect((await targetsOf(id)).first_response!.breachedAt).not.toBeNull();
    await asAgent.ticket.update({ ticketId: id, priority: 'low' });
    const row = (await targetsOf(id)).first_response!;
    expect(row.breachedAt).toBeNull();
    expect(row.dueAt!.getTime() - row.startedAt.getTime()).toBe(48 * 60 * MIN);
  });
});

describe('admin setup', () => {
  it('refuses overlapping hours, unknown zones and empty targets with messages that say what to fix; nothing is stored', async () => {
    const before = (await asOwner.businessCalendar.list()).length;
    await expect(
      asOwner.businessCalendar.save({
        calendar: {
          name: 'Overlap',
          timeZone: 'Europe/Berlin',
          weekly: [
            [],
            [
              { start: '09:00', end: '12:00' },
              { start: '11:00', end: '13:00' },
            ],
            [],
            [],
            [],
            [],
            [],
          ],
        },
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('overlaps') });
    await expect(
      asOwner.businessCalendar.save({
        calendar: {
          name: 'Mars',
          timeZone: 'Mars/Olympus',
          weekly: [[], [], [], [], [], [], [{ start: '09:00', end: '17:00' }]],
        },
      }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('Unknown time zone'),
    });
    expect((await asOwner.businessCalendar.list()).length).toBe(before);
    await expect(asOwner.slaPolicy.save({ name: 'Empty', targets: {} })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('at least one target'),
    });
  });

  it('a calendar in use cannot be deleted; holidays import from iCal', async () => {
    const calendar = await createTestCalendar(ws.id);
    const policy = await createTestPolicy(ws.id, {
      calendarId: calendar.id,
      conditions: { tags: [`never-${Date.now()}`] },
    });
    await expect(asOwner.businessCalendar.delete({ calendarId: calendar.id })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: expect.stringContaining(policy.name),
    });
    const ics = [
      'BEGIN:VCALENDAR',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20261224',
      'DTEND;VALUE=DATE:20261227',
      'SUMMARY:Christmas',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const imported = await asOwner.businessCalendar.importHolidays({ calendarId: calendar.id, ics });
    expect(imported).toMatchObject({ added: 3, found: 3 });
    expect(imported.calendar.holidays).toEqual(['2026-12-24', '2026-12-25', '2026-12-26']);
    await expect(
      asOwner.businessCalendar.importHolidays({ calendarId: calendar.id, ics: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await asOwner.slaPolicy.delete({ policyId: policy.id });
    await expect(asOwner.businessCalendar.delete({ calendarId: calendar.id })).resolves.toMatchObject({
      deleted: true,
    });
  });

  it('changing the defaults recomputes open tickets (the worker job), leaving other settings as they were', async () => {
    const { id } = await customerTicket();
    const numbering = await asOwner.ticketSettings.get();
    await asOwner.slaSettings.update({
      defaultTargets: { normal: { first_response: 90, resolution: 600 } },
      warnAtPercent: 50,
    });
    await recomputeWorkspaceSla(ws.id);
    const row = (await targetsOf(id)).first_response!;
    expect(row.dueAt!.getTime() - row.startedAt.getTime()).toBe(90 * MIN);
    expect(row.warnAt!.getTime() - row.startedAt.getTime()).toBe(45 * MIN);
    expect(await asOwner.ticketSettings.get()).toEqual(numbering);
    await asOwner.slaSettings.update({ defaultTargets: {}, warnAtPercent: 75 });
    await recomputeWorkspaceSla(ws.id);
  });
});

describe('metrics', () => {
  it('counts met in time, breached and at risk per metric and priority for the period', async () => {
    const lone = await createWorkspace({ name: 'Metrics Desk' });
    const owner2 = callerFor({ userId: lone.owner.userId, workspaceId: lone.id });
    const customer = await createTestCustomer(lone.id);
    const asCustomer = callerFor({ portal: { tenantId: lone.id, customerId: customer.id } });
    const answered = await asCustomer.portal.createTicket({ subject: 'Answered fast', body: 'Hello' });
    await owner2.ticket.reply({ ticketId: answered.id, body: 'Hi!' });
    const late = await asCustomer.portal.createTicket({ subject: 'Left waiting', body: 'Hello?' });
    await owner2.ticket.update({ ticketId: late.id, priority: 'urgent' });
    // Three hours pass for the urgent one (2 h target).
    await owner.query(
      `update ticket_sla_targets set started_at = started_at - interval '3 hours', due_at = due_at - interval '3 hours', warn_at = warn_at - interval '3 hours' where ticket_id = $1`,
      [late.id],
    );
    const metrics = await owner2.slaReport.metrics({
      from: new Date(Date.now() - 86_400_000),
      to: new Date(Date.now() + 60_000),
    });
    const first = metrics.byMetric.find((m) => m.metric === 'first_response')!;
    expect(first).toMatchObject({ measured: 2, metInTime: 1, breached: 1 });
    expect(metrics.firstResponseRate).toBe(0.5);
    expect(
      metrics.byPriority.find((p) => p.priority === 'urgent')!.metrics.find((m) => m.metric === 'first_response'),
    ).toMatchObject({ breached: 1 });
    const normalOnly = await owner2.slaReport.metrics({
      from: new Date(Date.now() - 86_400_000),
      to: new Date(Date.now() + 60_000),
      priority: 'normal',
    });
    expect(normalOnly.byMetric.find((m) => m.metric === 'first_response')).toMatchObject({
      measured: 1,
      metInTime: 1,
      breached: 0,
    });
  });
});

import { asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { ticketActivities, ticketMessages, tickets } from '@/server/db/schema';
import { runInTenant } from '@/server/db/tenant';
import { callerFor, errorShapeOf, type Caller } from '../helpers/caller';
import {
  addMember,
  createTestCustomer,
  createWorkspace,
  uniqueEmail,
  type TestMember,
  type TestWorkspace,
} from '../helpers/factories';

// A ticket's life through the API: filing, numbering, status moves, replies and the fields that follow.

let W: TestWorkspace;
let agent: TestMember;
let asAgent: Caller;
let customer: { id: string; email: string };
let asCustomer: Caller;

const year = new Date().getUTCFullYear();
const stored = async (ticketId: string) =>
  (await runInTenant(W.id, ({ db }) => db.select().from(tickets).where(eq(tickets.id, ticketId))))[0]!;
const messagesOf = (ticketId: string) =>
  runInTenant(W.id, ({ db }) =>
    db
      .select()
      .from(ticketMessages)
      .where(eq(ticketMessages.ticketId, ticketId))
      .orderBy(asc(ticketMessages.createdAt)),
  );
const fileAsCustomer = (subject = 'Cannot export my invoices') =>
  asCustomer.portal.createTicket({ subject, body: 'The export button does nothing.' });
/** A ticket moved to `status` through allowed steps. */
async function ticketIn(status: 'new' | 'open' | 'pending' | 'solved' | 'closed') {
  const { id } = await fileAsCustomer();
  if (status !== 'new')
    await asAgent.ticket.updateStatus({ ticketId: id, status: status === 'closed' ? 'closed' : status });
  return id;
}

beforeAll(async () => {
  W = await createWorkspace();
  agent = await addMember(W.id, 'agent', { name: 'Alex Agent' });
  asAgent = callerFor({ userId: agent.userId, workspaceId: W.id });
  customer = await createTestCustomer(W.id, { name: 'Dana Customer' });
  asCustomer = callerFor({ portal: { tenantId: W.id, customerId: customer.id } });
});

describe('filing a ticket', () => {
  it('through the portal: new, from the customer, on the web channel, with a promise of a first response', async () => {
    const created = await fileAsCustomer('Portal ticket');
    expect(created.displayNumber).toMatch(new RegExp(`^SUP-${year}-\\d{8}$`));
    expect(created.expectedFirstResponse).toMatch(/^within 24 hours, by \w+day \d{1,2} \w+( \d{4})?, \d{2}:\d{2} UTC$/);
    const row = await stored(created.id);
    expect(row).toMatchObject({
      status: 'new',
      channel: 'web',
      requesterId: customer.id,
      messageCount: 1,
      assigneeId: null,
    });
    expect(row.lastCustomerMessageAt).toBeInstanceOf(Date);
    const [first] = await messagesOf(created.id);
    expect(first).toMatchObject({
      kind: 'reply',
      authorType: 'customer',
      authorCustomerId: customer.id,
      body: 'The export button does nothing.',
    });
    const activities = await runInTenant(W.id, ({ db }) =>
      db.select().from(ticketActivities).where(eq(ticketActivities.ticketId, created.id)),
    );
    expect(activities).toEqual([
      expect.objectContaining({
        action: 'created',
        actorType: 'customer',
        changes: { status: { from: null, to: 'new' } },
      }),
    ]);
  });

  it('by an agent for a new address: the customer is created and the first message is the agent’s', async () => {
    const email = uniqueEmail('caller');
    const created = await asAgent.ticket.create({
      subject: 'Phoned about billing',
      body: 'Customer called about a double charge.',
      requester: { email, name: 'Caller' },
      priority: 'high',
      tags: ['billing', 'billing'],
    });
    expect(created.displayNumber).toMatch(new RegExp(`^SUP-${year}-0+${created.number}$`));
    const detail = await asAgent.ticket.get({ ticketId: created.id });
    expect(detail.ticket).toMatchObject({
      status: 'new',
      channel: 'phone',
      priority: 'high',
      tags: ['billing'],
      requester: { email, name: 'Caller' },
    });
    expect(detail.messages).toEqual([
      expect.objectContaining({
        kind: 'reply',
        authorType: 'agent',
        author: expect.objectContaining({ name: 'Alex Agent' }),
      }),
    ]);
  });

  it('by an agent with an assignee: opened right away', async () => {
    const created = await asAgent.ticket.create({
      subject: 'Assigned on creation',
      body: 'Taking this one.',
      requester: { customerId: customer.id },
      assigneeId: agent.userId,
    });
    expect(await stored(created.id)).toMatchObject({ status: 'open', assigneeId: agent.userId });
  });
});

describe('ticket numbers', () => {
  it('follow the workspace format, and a new format applies to old tickets too', async () => {
    const ws = await createWorkspace();
    const owner = callerFor({ userId: ws.owner.userId, workspaceId: ws.id });
    const requester = await createTestCustomer(ws.id);
    const first = await owner.ticket.create({
      subject: 'First one',
      body: 'Hello',
      requester: { customerId: requester.id },
    });
    expect(first).toMatchObject({ number: 1, displayNumber: `SUP-${year}-00000001` });
    expect(await owner.ticketSettings.get()).toMatchObject({
      prefix: 'SUP',
      includeYear: true,
      padding: 8,
      suffix: '',
      nextNumberPreview: `SUP-${year}-00000002`,
    });

    const saved = await owner.ticketSettings.update({ prefix: 'HELP', includeYear: false, padding: 4, suffix: 'EU' });
    expect(saved).toMatchObject({
      prefix: 'HELP',
      padding: 4,
      autoCloseAfterDays: 4,
      nextNumberPreview: 'HELP-0002-EU',
    });
    const second = await owner.ticket.create({
      subject: 'Second one',
      body: 'Hello again',
      requester: { customerId: requester.id },
    });
    expect(second).toMatchObject({ number: 2, displayNumber: 'HELP-0002-EU' });
    expect((await owner.ticket.get({ ticketId: first.id })).ticket.displayNumber).toBe('HELP-0001-EU');
    expect((await owner.ticket.list({})).items.map((t) => t.displayNumber).sort()).toEqual([
      'HELP-0001-EU',
      'HELP-0002-EU',
    ]);
    expect(await owner.ticket.getByNumber({ number: 2 })).toEqual({ id: second.id });
    expect((await owner.ticket.search({ query: 'HELP-0002-EU' })).items[0]).toMatchObject({
      id: second.id,
      displayNumber: 'HELP-0002-EU',
    });
    const portal = callerFor({ portal: { tenantId: ws.id, customerId: requester.id } });
    expect((await portal.portal.tickets({})).items.map((t) => t.displayNumber).sort()).toEqual([
      'HELP-0001-EU',
      'HELP-0002-EU',
    ]);
  });

  it('refuses a prefix with punctuation, naming the rule', async () => {
    const owner = callerFor({ userId: W.owner.userId, workspaceId: W.id });
    const shape = await errorShapeOf(
      owner.ticketSettings.update({ prefix: 'SUP-', includeYear: true, padding: 8, suffix: '' }),
    );
    expect(shape?.data.code).toBe('BAD_REQUEST');
    expect(shape?.data.fieldErrors).toMatchObject({ prefix: ['The prefix uses letters and digits only.'] });
  });

  it('50 tickets filed at once get the numbers 1..50, no gaps and no duplicates', async () => {
    const ws = await createWorkspace();
    const requester = await createTestCustomer(ws.id);
    const created = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        i % 2
          ? callerFor({ portal: { tenantId: ws.id, customerId: requester.id } }).portal.createTicket({
              subject: `Concurrent ${i}`,
              body: 'At the same time',
            })
          : callerFor({ userId: ws.owner.userId, workspaceId: ws.id }).ticket.create({
              subject: `Concurrent ${i}`,
              body: 'At the same time',
              requester: { customerId: requester.id },
            }),
      ),
    );
    const numbers = (await runInTenant(ws.id, ({ db }) => db.select({ number: tickets.number }).from(tickets)))
      .map((t) => t.number)
      .sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(new Set(created.map((c) => c.displayNumber)).size).toBe(50);
  });
});

describe('status moves', () => {
  it('allowed moves go through and set or clear solvedAt and closedAt', async () => {
    const id = await ticketIn('new');
    await asAgent.ticket.updateStatus({ ticketId: id, status: 'pending' });
    await asAgent.ticket.updateStatus({ ticketId: id, status: 'on_hold' });
    const solved = await asAgent.ticket.updateStatus({ ticketId: id, status: 'solved' });
    expect(solved.solvedAt).toBeInstanceOf(Date);
    expect(solved.closedAt).toBeNull();
    const reopened = await asAgent.ticket.updateStatus({ ticketId: id, status: 'open' });
    expect(reopened).toMatchObject({ status: 'open', solvedAt: null, closedAt: null });
    await asAgent.ticket.updateStatus({ ticketId: id, status: 'solved' });
    const closed = await asAgent.ticket.updateStatus({ ticketId: id, status: 'closed' });
    // Closing a solved ticket keeps the time it was solved.
    expect(closed.solvedAt).toBeInstanceOf(Date);
    expect(closed.closedAt).toBeInstanceOf(Date);
  });

  it('closing straight from new leaves solvedAt empty', async () => {
    const closed = await asAgent.ticket.updateStatus({ ticketId: await ticketIn('new'), status: 'closed' });
    expect(closed).toMatchObject({ status: 'closed', solvedAt: null, closedAt: expect.any(Date) });
  });

  it('refused moves say which move is not allowed and change nothing', async () => {
    const closedId = await ticketIn('closed');
    const before = await stored(closedId);
    await expect(asAgent.ticket.updateStatus({ ticketId: closedId, status: 'open' })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: 'A closed ticket cannot be set to open.',
    });
    expect(await stored(closedId)).toEqual(before);

    const solvedId = await ticketIn('solved');
    await expect(asAgent.ticket.updateStatus({ ticketId: solvedId, status: 'pending' })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: 'A solved ticket cannot be set to pending.',
    });
    const openId = await ticketIn('open');
    await expect(asAgent.ticket.updateStatus({ ticketId: openId, status: 'new' })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: 'An open ticket cannot be set to new.',
    });
    // "merged" is not even accepted as input: only a merge gets there.
    await expect(asAgent.ticket.updateStatus({ ticketId: openId, status: 'merged' as never })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect((await stored(openId)).status).toBe('open');
  });
});

describe('replies move the ticket along', () => {
  it('a customer reply reopens a pending ticket', async () => {
    const id = await ticketIn('pending');
    await asCustomer.portal.reply({ ticketId: id, body: 'Here is the info you asked for.' });
    expect(await stored(id)).toMatchObject({ status: 'open', messageCount: 2 });
  });

  it('a customer reply reopens a solved ticket and clears solvedAt', async () => {
    const id = await ticketIn('solved');
    await asCustomer.portal.reply({ ticketId: id, body: 'Actually it broke again.' });
    expect(await stored(id)).toMatchObject({ status: 'open', solvedAt: null });
  });

  it('a customer reply leaves a new ticket new', async () => {
    const id = await ticketIn('new');
    await asCustomer.portal.reply({ ticketId: id, body: 'Anyone there?' });
    expect((await stored(id)).status).toBe('new');
  });

  it('the first public agent reply sets firstRespondedAt once and opens a new ticket; a note before it does neither', async () => {
    const id = await ticketIn('new');
    await asAgent.ticket.reply({ ticketId: id, body: 'Checking with billing.', kind: 'note' });
    expect(await stored(id)).toMatchObject({ status: 'new', firstRespondedAt: null, lastAgentMessageAt: null });
    await asAgent.ticket.reply({ ticketId: id, body: 'Hi Dana, looking into it.' });
    const afterFirst = await stored(id);
    expect(afterFirst.status).toBe('open');
    expect(afterFirst.firstRespondedAt).toBeInstanceOf(Date);
    await asAgent.ticket.reply({ ticketId: id, body: 'Fixed now.', status: 'solved' });
    const afterSecond = await stored(id);
    expect(afterSecond).toMatchObject({
      status: 'solved',
      firstRespondedAt: afterFirst.firstRespondedAt,
      messageCount: 4,
    });
    expect(afterSecond.lastAgentMessageAt!.getTime()).toBeGreaterThanOrEqual(afterFirst.firstRespondedAt!.getTime());
  });

  it('notes never change the status', async () => {
    for (const status of ['new', 'open', 'pending', 'solved'] as const) {
      const id = await ticketIn(status);
      await asAgent.ticket.reply({ ticketId: id, body: 'Internal remark.', kind: 'note' });
      expect((await stored(id)).status, `a note on a ${status} ticket`).toBe(status);
    }
  });

  it('a closed ticket refuses replies and notes from anyone, and keeps its thread', async () => {
    const id = await ticketIn('closed');
    const message = 'This ticket is closed. Open a new ticket to follow up.';
    await expect(asAgent.ticket.reply({ ticketId: id, body: 'Reopening?' })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message,
    });
    await expect(asAgent.ticket.reply({ ticketId: id, body: 'Note', kind: 'note' })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
    });
    await expect(asCustomer.portal.reply({ ticketId: id, body: 'Hello?' })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message,
    });
    expect(await messagesOf(id)).toHaveLength(1);
  });

  it('a customer closes their own ticket from the portal; closing again is harmless', async () => {
    const id = await ticketIn('open');
    await expect(asCustomer.portal.close({ ticketId: id })).resolves.toEqual({ status: 'closed' });
    await expect(asCustomer.portal.close({ ticketId: id })).resolves.toEqual({ status: 'closed' });
    const row = await stored(id);
    expect(row).toMatchObject({ status: 'closed', closedAt: expect.any(Date) });
    const activities = await runInTenant(W.id, ({ db }) =>
      db.select().from(ticketActivities).where(eq(ticketActivities.ticketId, id)),
    );
    expect(activities.filter((a) => a.action === 'closed_by_customer')).toEqual([
      expect.objectContaining({ actorType: 'customer', actorCustomerId: customer.id }),
    ]);
  });
});

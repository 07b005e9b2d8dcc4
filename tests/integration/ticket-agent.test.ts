import { sql, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { TICKET_SORTS, type TicketSort } from '@/lib/constants/ticket';
import { ticketMessages, tickets } from '@/server/db/schema';
import { runInTenant } from '@/server/db/tenant';
import { addMessage } from '@/server/services/ticket/add-message';
import { loadTicketForUpdate } from '@/server/services/ticket/load-ticket';
import { callerFor, errorShapeOf, type Caller } from '../helpers/caller';
import {
  addMember,
  createTestCustomer,
  createWorkspace,
  type TestMember,
  type TestWorkspace,
} from '../helpers/factories';
import { createTestField, createTestTicket } from '../helpers/ticket-factories';

// The agent workspace: views, lists, filters, replies that race, merging, bulk changes, search.

type Desk = {
  ws: TestWorkspace;
  me: TestMember;
  other: TestMember;
  asMe: Caller;
  asOther: Caller;
  customer: { id: string };
};

async function desk(): Promise<Desk> {
  const ws = await createWorkspace();
  const me = await addMember(ws.id, 'agent', { name: 'Morgan Me' });
  const other = await addMember(ws.id, 'agent', { name: 'Olivia Other' });
  return {
    ws,
    me,
    other,
    asMe: callerFor({ userId: me.userId, workspaceId: ws.id }),
    asOther: callerFor({ userId: other.userId, workspaceId: ws.id }),
    customer: await createTestCustomer(ws.id),
  };
}

const file = (d: Desk, subject: string, opts: Parameters<typeof createTestTicket>[1] = {}) =>
  createTestTicket(d.ws.id, { requesterId: d.customer.id, subject, ...opts });
const idsOf = (page: { items: Array<{ id: string }> }) => page.items.map((t) => t.id);
const sorted = (ids: string[]) => [...ids].sort();

describe('built-in views and their counts', () => {
  let d: Desk;
  let t: Record<
    'fresh' | 'mine' | 'theirsPending' | 'onHold' | 'solvedMine' | 'solvedThenClosed' | 'closedUnsolved',
    string
  >;

  beforeAll(async () => {
    d = await desk();
    const make = async (subject: string) => (await file(d, subject)).id;
    t = {
      fresh: await make('Fresh and unassigned'),
      mine: await make('Assigned to me'),
      theirsPending: await make('Waiting on the customer'),
      onHold: await make('On hold, nobody assigned'),
      solvedMine: await make('Solved by me'),
      solvedThenClosed: await make('Solved then closed'),
      closedUnsolved: await make('Closed without solving'),
    };
    await d.asMe.ticket.assign({ ticketId: t.mine, assigneeId: d.me.userId });
    await d.asMe.ticket.assign({ ticketId: t.theirsPending, assigneeId: d.other.userId });
    await d.asMe.ticket.updateStatus({ ticketId: t.theirsPending, status: 'pending' });
    await d.asMe.ticket.updateStatus({ ticketId: t.onHold, status: 'on_hold' });
    await d.asMe.ticket.assign({ ticketId: t.solvedMine, assigneeId: d.me.userId });
    await d.asMe.ticket.updateStatus({ ticketId: t.solvedMine, status: 'solved' });
    await d.asMe.ticket.updateStatus({ ticketId: t.solvedThenClosed, status: 'solved' });
    await d.asMe.ticket.updateStatus({ ticketId: t.solvedThenClosed, status: 'closed' });
    await d.asMe.ticket.updateStatus({ ticketId: t.closedUnsolved, status: 'closed' });
  });

  it('each view returns its tickets, and viewCounts agree', async () => {
    const expected = {
      my_open: [t.mine],
      unassigned: [t.fresh, t.onHold],
      all_open: [t.fresh, t.mine, t.theirsPending, t.onHold],
      pending: [t.theirsPending],
      recently_solved: [t.solvedMine, t.solvedThenClosed],
    } as const;
    for (const [view, ids] of Object.entries(expected)) {
      expect(sorted(idsOf(await d.asMe.ticket.list({ view: view as keyof typeof expected }))), view).toEqual(
        sorted([...ids]),
      );
    }
    expect(await d.asMe.ticket.viewCounts()).toEqual(
      Object.fromEntries(Object.entries(expected).map(([view, ids]) => [view, ids.length])),
    );
  });

  it('"my open" is personal', async () => {
    expect(idsOf(await d.asOther.ticket.list({ view: 'my_open' }))).toEqual([t.theirsPending]);
    expect((await d.asOther.ticket.viewCounts()).my_open).toBe(1);
  });

  it('recently solved lists the latest solved first', async () => {
    expect(idsOf(await d.asMe.ticket.list({ view: 'recently_solved' }))).toEqual([t.solvedThenClosed, t.solvedMine]);
  });
});

describe('lists: keyset pages, sorts and filters', () => {
  let d: Desk;
  let all: string[];

  beforeAll(async () => {
    d = await desk();
    const priorities = ['low', 'normal', 'high', 'urgent'] as const;
    all = [];
    for (let i = 0; i < 23; i++) all.push((await file(d, `Paged ticket ${i}`, { priority: priorities[i % 4] })).id);
    // Ties on every sort key: a third share one updatedAt, another third one createdAt.
    await runInTenant(d.ws.id, async ({ db }) => {
      await db
        .update(tickets)
        .set({ updatedAt: new Date('2026-01-01T00:00:00.123456Z') })
        .where(inArray(tickets.id, all.slice(0, 8)));
      await db
        .update(tickets)
        .set({ createdAt: new Date('2026-01-02T00:00:00Z') })
        .where(inArray(tickets.id, all.slice(8, 16)));
      // Sub-millisecond precision that a JSON round trip of a timestamp would lose.
      await db.execute(
        sql`update tickets set updated_at = updated_at + interval '1 microsecond' where id = ${all[20]}`,
      );
    });
  });

  const ORDER_BY: Record<TicketSort, string> = {
    updated_desc: 'updated_at desc, id desc',
    updated_asc: 'updated_at asc, id asc',
    created_desc: 'created_at desc, id desc',
    created_asc: 'created_at asc, id asc',
    priority_desc: 'priority desc, updated_at desc, id desc',
  };

  for (const sort of TICKET_SORTS) {
    it(`${sort}: pages of 4 return every ticket exactly once, in order`, async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: { items: Array<{ id: string }>; nextCursor: string | null } = await d.asMe.ticket.list({
          sort,
          limit: 4,
          cursor,
        });
        seen.push(...idsOf(page));
        cursor = page.nextCursor;
        pages++;
      } while (cursor && pages < 20);
      expect(pages).toBe(6);
      expect(new Set(seen).size).toBe(seen.length);
      const expected = await runInTenant(d.ws.id, ({ db }) =>
        db.execute<{ id: string }>(
          sql.raw(`select id from tickets where tenant_id = '${d.ws.id}' order by ${ORDER_BY[sort]}`),
        ),
      );
      expect(seen).toEqual(expected.rows.map((r) => r.id));
    });
  }

  it('a list with fewer rows than the limit has no next cursor', async () => {
    const page = await d.asMe.ticket.list({ limit: 100 });
    expect(page.items).toHaveLength(23);
    expect(page.nextCursor).toBeNull();
  });

  it('filters by status, priority, assignee (unassigned as null), tags and text', async () => {
    await d.asMe.ticket.assign({ ticketId: all[0]!, assigneeId: d.me.userId });
    await d.asMe.ticket.assign({ ticketId: all[1]!, assigneeId: d.other.userId });
    await d.asMe.ticket.updateStatus({ ticketId: all[2]!, status: 'pending' });
    await d.asMe.ticket.update({ ticketId: all[3]!, tags: ['vip', 'billing'] });
    await d.asMe.ticket.update({ ticketId: all[4]!, tags: ['vip'] });
    await d.asMe.ticket.reply({ ticketId: all[5]!, body: 'The kumquat integration timed out.', kind: 'note' });

    expect(idsOf(await d.asMe.ticket.list({ filters: { statuses: ['pending'] } }))).toEqual([all[2]]);
    expect(sorted(idsOf(await d.asMe.ticket.list({ filters: { statuses: ['open'] } })))).toEqual(
      sorted([all[0]!, all[1]!]),
    );
    const urgent = idsOf(await d.asMe.ticket.list({ filters: { priorities: ['urgent'] }, limit: 100 }));
    expect(sorted(urgent)).toEqual(sorted(all.filter((_, i) => i % 4 === 3)));
    expect(idsOf(await d.asMe.ticket.list({ filters: { assigneeIds: [d.me.userId] } }))).toEqual([all[0]]);
    expect(
      sorted(idsOf(await d.asMe.ticket.list({ filters: { assigneeIds: [d.me.userId, d.other.userId] } }))),
    ).toEqual(sorted([all[0]!, all[1]!]));
    const unassigned = idsOf(await d.asMe.ticket.list({ filters: { assigneeIds: [null] }, limit: 100 }));
    expect(unassigned).toHaveLength(21);
    expect(unassigned).not.toContain(all[0]);
    expect(idsOf(await d.asMe.ticket.list({ filters: { assigneeIds: [null, d.me.userId] }, limit: 100 }))).toHaveLength(
      22,
    );
    expect(sorted(idsOf(await d.asMe.ticket.list({ filters: { tags: ['vip'] } })))).toEqual(sorted([all[3]!, all[4]!]));
    expect(idsOf(await d.asMe.ticket.list({ filters: { tags: ['vip', 'billing'] } }))).toEqual([all[3]]);
    expect(idsOf(await d.asMe.ticket.list({ filters: { text: 'kumquat' } }))).toEqual([all[5]]);
    expect(idsOf(await d.asMe.ticket.list({ filters: { text: 'Paged ticket 7' }, limit: 100 }))).toContain(all[7]);
    expect(idsOf(await d.asMe.ticket.list({ filters: { statuses: ['pending'], priorities: ['low'] } }))).toEqual([]);
  });
});

describe('replying against a stale view', () => {
  it('is refused with CONFLICT naming what changed, and accepted once confirmed', async () => {
    const d = await desk();
    const { id } = await file(d, 'Two agents, one ticket');
    const seen = (await d.asMe.ticket.get({ ticketId: id })).ticket.updatedAt;
    await new Promise((resolve) => setTimeout(resolve, 5));
    await d.asOther.ticket.updateStatus({ ticketId: id, status: 'pending' });
    await d.asOther.ticket.reply({ ticketId: id, body: 'Asked billing.', kind: 'note' });

    const shape = await errorShapeOf(d.asMe.ticket.reply({ ticketId: id, body: 'My reply', seenUpdatedAt: seen }));
    expect(shape?.data).toMatchObject({ code: 'CONFLICT', field: 'stale' });
    expect(shape?.message).toContain('This ticket changed after you opened it');
    expect(shape?.message).toContain('Olivia Other: status changed from New to Pending');
    expect(shape?.message).toContain('Olivia Other added an internal note');
    const count = async () =>
      (await runInTenant(d.ws.id, ({ db }) => db.select().from(ticketMessages).where(eq(ticketMessages.ticketId, id))))
        .length;
    expect(await count()).toBe(2);

    await expect(
      d.asMe.ticket.reply({ ticketId: id, body: 'My reply', seenUpdatedAt: seen, confirmStale: true }),
    ).resolves.toHaveProperty('messageId');
    expect(await count()).toBe(3);
    // With the ticket's current time, no confirmation is needed.
    const fresh = (await d.asMe.ticket.get({ ticketId: id })).ticket.updatedAt;
    await expect(
      d.asMe.ticket.reply({ ticketId: id, body: 'Follow-up', seenUpdatedAt: fresh }),
    ).resolves.toHaveProperty('messageId');
  });
});

describe('a note the desk writes itself', () => {
  it('does not make a reply stale: the knowledge-base suggestions on a new ticket never stop its first reply', async () => {
    const d = await desk();
    const { id } = await file(d, 'Export stuck at 99%');
    const seen = (await d.asMe.ticket.get({ ticketId: id })).ticket.updatedAt;
    await new Promise((resolve) => setTimeout(resolve, 5));
    await runInTenant(d.ws.id, async (scope) =>
      addMessage(scope, await loadTicketForUpdate(scope, id), { type: 'system' }, { kind: 'note', body: 'Suggested.' }),
    );
    await expect(d.asMe.ticket.reply({ ticketId: id, body: 'On it.', seenUpdatedAt: seen })).resolves.toHaveProperty(
      'messageId',
    );
  });
});

describe('merging', () => {
  it('moves the messages into the target and ends the source as merged, with a link', async () => {
    const d = await desk();
    const target = await file(d, 'Login broken');
    const source = await file(d, 'Login still broken', { tags: ['login'] });
    await d.asMe.ticket.reply({ ticketId: source.id, body: 'Could you send a screenshot?' });
    const result = await d.asMe.ticket.merge({
      sourceTicketId: source.id,
      targetTicketId: target.id,
      note: 'Same issue',
    });
    expect(result).toMatchObject({ targetTicketId: target.id, movedMessages: 2 });

    const merged = await d.asMe.ticket.get({ ticketId: source.id });
    expect(merged.ticket).toMatchObject({ status: 'merged', mergedIntoId: target.id });
    expect(merged.messages).toEqual([
      expect.objectContaining({ kind: 'system', body: `Merged into ${target.displayNumber}.` }),
    ]);
    const into = await d.asMe.ticket.get({ ticketId: target.id });
    expect(into.messages.map((m) => m.body)).toEqual(
      expect.arrayContaining([
        'Could you send a screenshot?',
        `${source.displayNumber} "Login still broken" was merged into this ticket. Same issue`,
      ]),
    );
    expect(into.ticket.messageCount).toBe(4);
    expect(into.ticket.tags).toContain('login');
    expect(into.activities.map((a) => a.action)).toContain('merged_in');
    await expect(d.asMe.ticket.reply({ ticketId: source.id, body: 'Hello?' })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: expect.stringContaining('merged into another'),
    });
    // Merged tickets leave the default list.
    expect(idsOf(await d.asMe.ticket.list({}))).not.toContain(source.id);
  });

  it('refuses merging into a closed ticket, or a ticket into itself, and changes nothing', async () => {
    const d = await desk();
    const closed = await file(d, 'Closed target');
    await d.asMe.ticket.updateStatus({ ticketId: closed.id, status: 'closed' });
    const source = await file(d, 'Wants to be merged');
    await expect(d.asMe.ticket.merge({ sourceTicketId: source.id, targetTicketId: closed.id })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: 'You can only merge into a ticket that is not closed or merged.',
    });
    await expect(d.asMe.ticket.merge({ sourceTicketId: source.id, targetTicketId: source.id })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    const [row] = await runInTenant(d.ws.id, ({ db }) => db.select().from(tickets).where(eq(tickets.id, source.id)));
    expect(row).toMatchObject({ status: 'new', mergedIntoId: null, messageCount: 1 });
  });
});

describe('bulk updates', () => {
  it('report per ticket: a closed ticket fails to reopen while the others succeed', async () => {
    const d = await desk();
    const a = await file(d, 'Bulk A');
    const b = await file(d, 'Bulk B');
    const c = await file(d, 'Bulk C, closed');
    await d.asMe.ticket.updateStatus({ ticketId: a.id, status: 'pending' });
    await d.asMe.ticket.updateStatus({ ticketId: c.id, status: 'closed' });
    const result = await d.asMe.ticket.bulkUpdate({
      ticketIds: [a.id, b.id, c.id],
      action: { type: 'status', status: 'open' },
    });
    expect(result.results).toEqual([
      { ticketId: a.id, ok: true },
      { ticketId: b.id, ok: true },
      { ticketId: c.id, ok: false, error: 'A closed ticket cannot be set to open.' },
    ]);
    const rows = await runInTenant(d.ws.id, ({ db }) =>
      db.select({ id: tickets.id, status: tickets.status }).from(tickets),
    );
    expect(Object.fromEntries(rows.map((r) => [r.id, r.status]))).toEqual({
      [a.id]: 'open',
      [b.id]: 'open',
      [c.id]: 'closed',
    });
  });

  it('adds and removes tags and assigns many at once', async () => {
    const d = await desk();
    const a = await file(d, 'Tag A', { tags: ['old'] });
    const b = await file(d, 'Tag B');
    await d.asMe.ticket.bulkUpdate({ ticketIds: [a.id, b.id], action: { type: 'add_tags', tags: ['outage'] } });
    await d.asMe.ticket.bulkUpdate({ ticketIds: [a.id, b.id], action: { type: 'remove_tags', tags: ['old'] } });
    await d.asMe.ticket.bulkUpdate({ ticketIds: [a.id, b.id], action: { type: 'assign', assigneeId: d.other.userId } });
    const rows = await runInTenant(d.ws.id, ({ db }) => db.select().from(tickets));
    for (const row of rows) expect(row).toMatchObject({ tags: ['outage'], assigneeId: d.other.userId, status: 'open' });
  });
});

describe('search', () => {
  let d: Desk;
  let invoice: { id: string; number: number; displayNumber: string };
  let bodyOnly: { id: string };

  beforeAll(async () => {
    d = await desk();
    invoice = await file(d, 'Invoice shows the wrong currency');
    bodyOnly = await file(d, 'Something odd');
    await d.asMe.ticket.reply({
      ticketId: bodyOnly.id,
      body: 'The webhook returned a flamingo error after the deploy.',
    });
    await file(d, 'Unrelated printer question');
  });

  it('finds by a word of the subject', async () => {
    const { items } = await d.asMe.ticket.search({ query: 'invoice' });
    expect(items.map((i) => i.id)).toEqual([invoice.id]);
    expect(items[0]).toMatchObject({
      displayNumber: invoice.displayNumber,
      subject: 'Invoice shows the wrong currency',
      status: 'new',
    });
  });

  it('finds by a word only a message contains, with a highlighted snippet', async () => {
    const { items } = await d.asMe.ticket.search({ query: 'flamingo' });
    expect(items.map((i) => i.id)).toEqual([bodyOnly.id]);
    expect(items[0]!.snippet).toContain('<b>flamingo</b>');
  });

  it('finds by ticket number, bare or formatted', async () => {
    expect((await d.asMe.ticket.search({ query: String(invoice.number) })).items[0]?.id).toBe(invoice.id);
    expect((await d.asMe.ticket.search({ query: invoice.displayNumber })).items[0]?.id).toBe(invoice.id);
  });

  it('finds nothing for words no ticket has', async () => {
    expect((await d.asMe.ticket.search({ query: 'xylophone' })).items).toEqual([]);
  });
});

describe('duplicates', () => {
  it('suggests an open ticket with a similar subject from the same requester only', async () => {
    const d = await desk();
    const first = await file(d, 'Cannot log in to my account');
    const second = await file(d, 'Cannot log into my account');
    const stranger = await createTestCustomer(d.ws.id);
    const othersTicket = await createTestTicket(d.ws.id, {
      requesterId: stranger.id,
      subject: 'Cannot log in to my account',
    });
    await file(d, 'Question about pricing');
    const { duplicates } = await d.asMe.ticket.get({ ticketId: second.id });
    expect(duplicates.map((x) => x.id)).toEqual([first.id]);
    expect(duplicates[0]!.similarity).toBeGreaterThan(0.3);
    expect((await d.asMe.ticket.get({ ticketId: othersTicket.id })).duplicates).toEqual([]);
    await d.asMe.ticket.updateStatus({ ticketId: first.id, status: 'closed' });
    expect((await d.asMe.ticket.get({ ticketId: second.id })).duplicates).toEqual([]);
  });
});

describe('custom fields', () => {
  let d: Desk;

  beforeAll(async () => {
    d = await desk();
    await createTestField(d.ws.id, { key: 'order_id', label: 'Order ID', type: 'text', required: true });
    await createTestField(d.ws.id, {
      key: 'plan',
      label: 'Plan',
      type: 'select',
      options: [
        { value: 'free', label: 'Free' },
        { value: 'pro', label: 'Pro' },
      ],
    });
    await createTestField(d.ws.id, { key: 'seats', label: 'Seats', type: 'number' });
  });

  const create = (customFields: Record<string, string | number | boolean | null>) =>
    d.asMe.ticket.create({ subject: 'With fields', body: 'x', requester: { customerId: d.customer.id }, customFields });
  const count = async () =>
    (await runInTenant(d.ws.id, ({ db }) => db.select({ id: tickets.id }).from(tickets))).length;

  it('refuses a missing required field, a value outside the options and an unknown key; nothing is stored', async () => {
    await expect(create({ plan: 'pro' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'Order ID is required.',
    });
    await expect(create({ order_id: 'A-1', plan: 'gold' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'Plan must be one of: Free, Pro.',
    });
    await expect(create({ order_id: 'A-1', seats: 'many' })).rejects.toMatchObject({
      message: 'Seats must be a number.',
    });
    await expect(create({ order_id: 'A-1', colour: 'blue' })).rejects.toMatchObject({
      message: 'There is no custom field "colour" in this workspace.',
    });
    expect(await count()).toBe(0);
    // The failed creates gave their numbers back.
    const ok = await create({ order_id: 'A-1', plan: 'pro', seats: 5 });
    expect(ok.number).toBe(1);
    const [row] = await runInTenant(d.ws.id, ({ db }) => db.select().from(tickets).where(eq(tickets.id, ok.id)));
    expect(row?.customFields).toEqual({ order_id: 'A-1', plan: 'pro', seats: 5 });
  });

  it('updates check the same rules and keep the stored values on error', async () => {
    const { id } = await create({ order_id: 'B-2', plan: 'free' });
    await expect(d.asMe.ticket.update({ ticketId: id, customFields: { plan: 'enterprise' } })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(d.asMe.ticket.update({ ticketId: id, customFields: { order_id: null } })).rejects.toMatchObject({
      message: 'Order ID is required.',
    });
    await d.asMe.ticket.update({ ticketId: id, customFields: { seats: 3 } });
    const [row] = await runInTenant(d.ws.id, ({ db }) => db.select().from(tickets).where(eq(tickets.id, id)));
    expect(row?.customFields).toEqual({ order_id: 'B-2', plan: 'free', seats: 3 });
  });
});

describe('activity log', () => {
  it('records who changed which field from what to what', async () => {
    const d = await desk();
    const { id } = await file(d, 'Audit me');
    await d.asMe.ticket.assign({ ticketId: id, assigneeId: d.other.userId });
    await d.asMe.ticket.updateStatus({ ticketId: id, status: 'pending', reason: 'Waiting for logs' });
    await d.asMe.ticket.update({ ticketId: id, priority: 'urgent', tags: ['escalated'] });
    const { activities } = await d.asMe.ticket.get({ ticketId: id });
    expect(activities.map((a) => a.action)).toEqual(['created', 'assigned', 'status_changed', 'updated']);
    expect(activities[1]).toMatchObject({
      actorName: 'Morgan Me',
      changes: { assigneeId: { from: null, to: d.other.userId }, status: { from: 'new', to: 'open' } },
    });
    expect(activities[2]).toMatchObject({
      changes: { status: { from: 'open', to: 'pending' } },
      reason: 'Waiting for logs',
    });
    expect(activities[3]).toMatchObject({
      changes: { priority: { from: 'normal', to: 'urgent' }, tags: { from: [], to: ['escalated'] } },
    });
  });

  it('records nothing when nothing changed', async () => {
    const d = await desk();
    const { id } = await file(d, 'No-op');
    await d.asMe.ticket.update({ ticketId: id, priority: 'normal' });
    expect((await d.asMe.ticket.get({ ticketId: id })).activities.map((a) => a.action)).toEqual(['created']);
  });
});

import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { DOMAIN_EVENT_TYPES } from '@/lib/constants/outbox';
import { processEventDispatch } from '@/jobs/processors/event-dispatch';
import type { EventConsumer } from '@/server/services/outbox/event-batch';
import { outbox } from '@/server/db/schema';
import { runInTenant } from '@/server/db/tenant';
import { recordEvent } from '@/server/services/outbox/record-event';
import { callerFor, type Caller } from '../helpers/caller';
import {
  addMember,
  createTestCustomer,
  createWorkspace,
  uniqueSuffix,
  type TestMember,
  type TestWorkspace,
} from '../helpers/factories';
import { storedTags, taggingConsumer } from '../helpers/event-consumers';
import { createTestFailedJob } from '../helpers/job-isolation';

// Domain events: what the ticket services write to the outbox, in their own transaction, and how the
// event.dispatch processor hands them on. Processors are called directly; the queue is covered elsewhere.

type EventRow = { id: string; type: string; data: Record<string, unknown>; status: string; at: number };

let ws: TestWorkspace;
let agent: TestMember;
let asAgent: Caller;
let asCustomer: Caller;

beforeAll(async () => {
  ws = await createWorkspace({ name: 'Events Desk' });
  agent = await addMember(ws.id, 'agent');
  const customer = await createTestCustomer(ws.id);
  asAgent = callerFor({ userId: agent.userId, workspaceId: ws.id });
  asCustomer = callerFor({ portal: { tenantId: ws.id, customerId: customer.id } });
});

async function eventsOf(ticketId: string): Promise<EventRow[]> {
  const rows = await runInTenant(ws.id, ({ db }) =>
    db
      .select()
      .from(outbox)
      .where(and(eq(outbox.kind, 'event'), sql`${outbox.payload}->'data'->>'ticketId' = ${ticketId}`))
      .orderBy(outbox.createdAt),
  );
  return rows.map((r) => ({
    id: r.id,
    ...(r.payload as { type: string; data: Record<string, unknown> }),
    status: r.status,
    at: r.createdAt.getTime(),
  }));
}
/**
 * Event types in the order they were written: created_at is the clock at each insert (not the
 * transaction's start), so the events of one transaction keep their order too, and consumers see it.
 */
const types = (events: EventRow[]) => events.map((e) => e.type);
const ofType = (events: EventRow[], type: string) => events.filter((e) => e.type === type);
const newTicket = () =>
  asCustomer.portal.createTicket({ subject: `Printer ${uniqueSuffix()} is on fire`, body: 'It smells of toner.' });

describe('ticket services record domain events', () => {
  it('a new ticket raises ticket.created with its number, channel and who filed it (the first ticket here is number 1)', async () => {
    const ticket = await newTicket();
    const events = await eventsOf(ticket.id);
    expect(events).toEqual([
      expect.objectContaining({
        type: 'ticket.created',
        status: 'pending',
        data: expect.objectContaining({
          ticketId: ticket.id,
          number: 1,
          channel: 'web',
          priority: 'normal',
          actorType: 'customer',
        }),
      }),
    ]);
  });

  it('a reply raises ticket.message_added (and the status it moved to); a note carries no body', async () => {
    const ticket = await newTicket();
    const secret = `internal-${uniqueSuffix()}`;
    await asAgent.ticket.reply({ ticketId: ticket.id, body: 'Looking into it.' });
    await asAgent.ticket.reply({ ticketId: ticket.id, kind: 'note', body: `Customer is ${secret}` });
    const events = await eventsOf(ticket.id);
    expect(types(events)).toEqual([
      'ticket.created',
      'ticket.message_added',
      'ticket.status_changed',
      'ticket.message_added',
    ]);
    expect(ofType(events, 'ticket.message_added').map((e) => e.data)).toEqual([
      expect.objectContaining({ kind: 'reply', authorType: 'agent', messageId: expect.any(String) }),
      expect.objectContaining({ kind: 'note', authorType: 'agent' }),
    ]);
    expect(ofType(events, 'ticket.status_changed')[0]!.data).toMatchObject({
      from: 'new',
      to: 'open',
      actorType: 'agent',
      actorId: agent.userId,
    });
    expect(JSON.stringify(events)).not.toContain(secret);
  });

  it('assigning, a new priority and a status change raise one event each; nothing changed raises none', async () => {
    const ticket = await newTicket();
    await asAgent.ticket.assign({ ticketId: ticket.id, assigneeId: agent.userId });
    await asAgent.ticket.update({ ticketId: ticket.id, priority: 'urgent' });
    await asAgent.ticket.update({ ticketId: ticket.id, priority: 'urgent' });
    await asAgent.ticket.updateStatus({ ticketId: ticket.id, status: 'pending' });
    const events = await eventsOf(ticket.id);
    // Assigning a new ticket also opens it: two events of one transaction, the status move first.
    expect(types(events)).toEqual([
      'ticket.created',
      'ticket.status_changed',
      'ticket.assigned',
      'ticket.priority_changed',
      'ticket.status_changed',
    ]);
    expect(ofType(events, 'ticket.assigned')[0]!.data).toMatchObject({ assignee: { from: null, to: agent.userId } });
    expect(ofType(events, 'ticket.priority_changed')[0]!.data).toMatchObject({ from: 'normal', to: 'urgent' });
    expect(ofType(events, 'ticket.status_changed').map((e) => e.data)).toEqual([
      expect.objectContaining({ from: 'new', to: 'open' }),
      expect.objectContaining({ from: 'open', to: 'pending' }),
    ]);
  });

  it('a merge raises ticket.merged on the source, naming the target', async () => {
    const source = await newTicket();
    const target = await newTicket();
    await asAgent.ticket.merge({ sourceTicketId: source.id, targetTicketId: target.id });
    const merged = (await eventsOf(source.id)).filter((e) => e.type === 'ticket.merged');
    expect(merged).toEqual([
      expect.objectContaining({
        data: expect.objectContaining({ ticketId: source.id, mergedIntoId: target.id, actorId: agent.userId }),
      }),
    ]);
  });

  it('a change that fails writes no event: the event commits with the change or not at all', async () => {
    const ticket = await newTicket();
    await asAgent.ticket.updateStatus({ ticketId: ticket.id, status: 'closed' });
    const before = await eventsOf(ticket.id);
    await expect(asAgent.ticket.reply({ ticketId: ticket.id, body: 'Too late' })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
    });
    await expect(
      runInTenant(ws.id, async (scope) => {
        await recordEvent(scope, 'sla.breach', { ticketId: ticket.id, target: 'first_response' });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await eventsOf(ticket.id)).toEqual(before);
  });

  it('recordEvent takes every declared event type, the SLA ones included', async () => {
    const ticket = await newTicket();
    await runInTenant(ws.id, async (scope) => {
      for (const type of DOMAIN_EVENT_TYPES) await recordEvent(scope, type, { ticketId: ticket.id });
    });
    // Recorded in one transaction, they share one created_at: compared as sets, since their order is not kept.
    expect(types(await eventsOf(ticket.id)).sort()).toEqual(['ticket.created', ...DOMAIN_EVENT_TYPES].sort());
  });
});

describe('event.dispatch', () => {
  it('hands an event to the consumers that want its type, once, however often the job runs', async () => {
    const ticket = await newTicket();
    const [created] = await eventsOf(ticket.id);
    const seen: string[] = [];
    const consumers: EventConsumer[] = [
      {
        name: 'created-only',
        types: ['ticket.created'],
        handle: async (_scope, event) => void seen.push(`created-only:${event.type}:${event.data.ticketId}`),
      },
      { name: 'breaches', types: ['sla.breach'], handle: async () => void seen.push('breaches') },
    ];
    const payload = { tenantId: ws.id, outboxId: created!.id };
    await expect(processEventDispatch(payload, consumers)).resolves.toEqual({ consumers: ['created-only'] });
    await expect(processEventDispatch(payload, consumers)).resolves.toEqual({ skipped: true });
    await Promise.all([processEventDispatch(payload, consumers), processEventDispatch(payload, consumers)]);
    // Other tickets' pending events of the workspace may go in the same batch; this one went through once.
    expect(seen.filter((entry) => entry.endsWith(ticket.id))).toEqual([`created-only:ticket.created:${ticket.id}`]);
    const [row] = await runInTenant(ws.id, ({ db }) => db.select().from(outbox).where(eq(outbox.id, created!.id)));
    expect(row).toMatchObject({ status: 'done', attempts: 1, doneAt: expect.any(Date) });
  });

  it('a consumer that fails undoes its writes, leaves the event pending with the error, and is retried', async () => {
    const ticket = await newTicket();
    const [created] = await eventsOf(ticket.id);
    let fail = true;
    const tagging = taggingConsumer('auto', () => (fail ? new Error('rule engine unavailable') : null));
    const payload = { tenantId: ws.id, outboxId: created!.id };
    await expect(processEventDispatch(payload, [tagging])).rejects.toThrow('rule engine unavailable');
    const tagsOf = () => storedTags(ws.id, ticket.id);
    expect(await tagsOf()).toEqual([]);
    const [failed] = await runInTenant(ws.id, ({ db }) => db.select().from(outbox).where(eq(outbox.id, created!.id)));
    expect(failed).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: expect.stringContaining('tagger: Error: rule engine unavailable'),
    });

    fail = false;
    await processEventDispatch(payload, [tagging]);
    expect(await tagsOf()).toEqual(['auto']);
    const [done] = await runInTenant(ws.id, ({ db }) => db.select().from(outbox).where(eq(outbox.id, created!.id)));
    expect(done).toMatchObject({ status: 'done', attempts: 2 });
  });
});

describe('Admin → Jobs', () => {
  it('lists failed work newest first, saying what each was for, a page at a time', async () => {
    const own = await createWorkspace({ name: 'Jobs Page Desk' });
    const asOwner = callerFor({ userId: own.owner.userId, workspaceId: own.id });
    expect((await asOwner.job.listFailed({})).items).toEqual([]);

    const customer = await createTestCustomer(own.id);
    const ticket = await callerFor({ portal: { tenantId: own.id, customerId: customer.id } }).portal.createTicket({
      subject: 'Broken login page',
      body: 'Cannot sign in.',
    });
    const email = await createTestFailedJob(own.id, { to: 'pat@example.test', subject: 'Re: Broken login page' });
    await runInTenant(own.id, ({ db }) =>
      db
        .update(outbox)
        .set({ status: 'failed', attempts: 5, lastError: 'webhook: timeout', availableAt: new Date(Date.now() + 1000) })
        .where(and(eq(outbox.kind, 'event'), eq(outbox.status, 'pending'))),
    );
    const first = await asOwner.job.listFailed({ limit: 1 });
    expect(first.items).toEqual([
      expect.objectContaining({
        kind: 'event',
        title: 'Event ticket.created',
        detail: `Ticket ${ticket.displayNumber}`,
        ticketId: ticket.id,
        attempts: 5,
        lastError: 'webhook: timeout',
      }),
    ]);
    expect(first.nextCursor).not.toBeNull();
    const second = await asOwner.job.listFailed({ limit: 1, cursor: first.nextCursor! });
    expect(second.items).toEqual([
      expect.objectContaining({
        id: email.id,
        kind: 'email',
        title: 'Email to pat@example.test',
        detail: 'Re: Broken login page',
        lastError: expect.stringContaining('Mailbox'),
      }),
    ]);
    expect(second.nextCursor).toBeNull();
  });

  it('pages through rows that failed within the same millisecond without skipping any', async () => {
    const own = await createWorkspace({ name: 'Same Millisecond Desk' });
    const asOwner = callerFor({ userId: own.owner.userId, workspaceId: own.id });
    const made: Array<{ id: string }> = [];
    for (let i = 0; i < 4; i++) made.push(await createTestFailedJob(own.id));
    // Microseconds apart, as Postgres keeps them; JavaScript dates in the cursor carry milliseconds only.
    const stamps = [
      '2026-03-01 10:00:00.123456+00',
      '2026-03-01 10:00:00.123400+00',
      '2026-03-01 10:00:00.123001+00',
      '2026-03-01 09:59:59.999999+00',
    ];
    await runInTenant(own.id, async ({ db }) => {
      for (const [i, row] of made.entries())
        await db
          .update(outbox)
          .set({ availableAt: sql`${stamps[i]}::timestamptz` })
          .where(eq(outbox.id, row.id));
    });
    const seen: string[] = [];
    let cursor: { availableAt: Date; id: string } | undefined;
    for (let page = 0; page < 6; page++) {
      const result = await asOwner.job.listFailed({ limit: 1, cursor });
      seen.push(...result.items.map((j) => j.id));
      if (!result.nextCursor) break;
      cursor = result.nextCursor;
    }
    expect(seen).toHaveLength(4);
    expect(new Set(seen)).toEqual(new Set(made.map((r) => r.id)));
    expect(seen.at(-1)).toBe(made[3]!.id);
  });

  it('retry puts a failed row back to pending; a row that is not failed is refused with a reason', async () => {
    const own = await createWorkspace({ name: 'Retry Desk' });
    const asOwner = callerFor({ userId: own.owner.userId, workspaceId: own.id });
    const row = await createTestFailedJob(own.id);
    await expect(asOwner.job.retry({ jobId: row.id })).resolves.toEqual({ retried: 1 });
    await expect(asOwner.job.retry({ jobId: row.id })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: expect.stringMatching(/already waiting/),
    });
    await runInTenant(own.id, ({ db }) => db.update(outbox).set({ status: 'done' }).where(eq(outbox.id, row.id)));
    await expect(asOwner.job.retry({ jobId: row.id })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: expect.stringMatching(/already completed/),
    });
    await expect(asOwner.job.retry({ jobId: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await asOwner.job.listFailed({})).items).toEqual([]);
    await expect(asOwner.job.retryAll()).resolves.toEqual({ retried: 0 });
  });
});

import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { processEventDispatch } from '@/jobs/processors/event-dispatch';
import { outbox, tickets } from '@/server/db/schema';
import { runInTenant } from '@/server/db/tenant';
import { ownerDatabaseUrl } from '@/server/db/urls';
import type { EventConsumer } from '@/server/services/outbox/event-batch';
import { createTestRule } from '../helpers/automation-factories';
import { storedTags, taggingConsumer } from '../helpers/event-consumers';
import { callerFor, type Caller } from '../helpers/caller';
import { createTestCustomer, createWorkspace, uniqueSuffix, type TestWorkspace } from '../helpers/factories';

// One event.dispatch job hands the other pending events of its workspace to the consumers with its own, in
// one transaction: the rules and calendar read once, one lock statement, one settling update. What each event
// gets must not change: its consumers once each, in the order recorded, seeing what earlier events' consumers
// changed; a consumer failing on one event undoes only that event's writes and leaves only it pending.

let ws: TestWorkspace;
let asCustomer: Caller;

beforeAll(async () => {
  ws = await createWorkspace({ name: 'Batch Events Desk' });
  asCustomer = callerFor({ portal: { tenantId: ws.id, customerId: (await createTestCustomer(ws.id)).id } });
});

const newTicket = (subject = `Batch ${uniqueSuffix()}`) => asCustomer.portal.createTicket({ subject, body: 'Help.' });

const pendingEvents = () =>
  runInTenant(ws.id, ({ db }) =>
    db
      .select({ id: outbox.id, payload: outbox.payload })
      .from(outbox)
      .where(and(eq(outbox.kind, 'event'), eq(outbox.status, 'pending')))
      .orderBy(asc(outbox.createdAt), asc(outbox.id)),
  );

const rowsOf = (ids: string[]) =>
  runInTenant(ws.id, ({ db }) =>
    db
      .select({ id: outbox.id, status: outbox.status, attempts: outbox.attempts, lastError: outbox.lastError })
      .from(outbox)
      .where(inArray(outbox.id, ids)),
  );

const ticketIdOf = (payload: unknown) => (payload as { data: { ticketId: string } }).data.ticketId;

describe('a batch of events', () => {
  it('hands every pending event of the workspace to its consumers once, in the order recorded', async () => {
    for (let i = 0; i < 5; i++) await newTicket();
    const pending = await pendingEvents();
    expect(pending.length).toBeGreaterThanOrEqual(5);
    const seen: string[] = [];
    const recorder: EventConsumer = {
      name: 'recorder',
      types: 'all',
      handle: async (_s, event) => void seen.push(event.id),
    };

    // The first event's job takes the others with it; their own jobs then find them done.
    await expect(processEventDispatch({ tenantId: ws.id, outboxId: pending[0]!.id }, [recorder])).resolves.toEqual({
      consumers: ['recorder'],
    });
    expect(seen).toEqual(pending.map((e) => e.id));
    for (const { id } of pending.slice(1))
      await expect(processEventDispatch({ tenantId: ws.id, outboxId: id }, [recorder])).resolves.toEqual({
        skipped: true,
      });
    expect(seen).toHaveLength(pending.length);
    const rows = await rowsOf(pending.map((e) => e.id));
    expect(rows.every((r) => r.status === 'done' && r.attempts === 1)).toBe(true);
  });

  it('a consumer failing on one event undoes only that event, which stays pending with its error', async () => {
    const tickets_ = [await newTicket(), await newTicket(), await newTicket()];
    const pending = await pendingEvents();
    const doomed = pending.find((e) => ticketIdOf(e.payload) === tickets_[1]!.id)!;
    const tagger = taggingConsumer('batched', (event) =>
      event.id === doomed.id ? new Error('cannot tag this one') : null,
    );
    // The job of another event runs the batch; the failure is not its own, so it completes.
    await expect(processEventDispatch({ tenantId: ws.id, outboxId: pending[0]!.id }, [tagger])).resolves.toEqual({
      consumers: ['tagger'],
    });
    const tagsOf = (ticketId: string) => storedTags(ws.id, ticketId);
    expect(await tagsOf(tickets_[0]!.id)).toEqual(['batched']);
    expect(await tagsOf(tickets_[1]!.id)).toEqual([]);
    expect(await tagsOf(tickets_[2]!.id)).toEqual(['batched']);
    const rows = new Map((await rowsOf(pending.map((e) => e.id))).map((r) => [r.id, r]));
    expect(rows.get(doomed.id)).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: expect.stringContaining('tagger: Error: cannot tag this one'),
    });
    expect([...rows.values()].filter((r) => r.status === 'done')).toHaveLength(pending.length - 1);

    // Its own job dispatches it again, alone: a retried event never joins a batch, nor takes one with it.
    const later = await newTicket();
    await expect(processEventDispatch({ tenantId: ws.id, outboxId: doomed.id }, [tagger])).rejects.toThrow(
      'cannot tag this one',
    );
    const [laterEvent] = (await pendingEvents()).filter((e) => ticketIdOf(e.payload) === later.id);
    expect((await rowsOf([laterEvent!.id]))[0]).toMatchObject({ status: 'pending', attempts: 0 });
    expect((await rowsOf([doomed.id]))[0]).toMatchObject({ status: 'pending', attempts: 2 });
    await processEventDispatch({ tenantId: ws.id, outboxId: laterEvent!.id }, [tagger]);
  });

  it("rules on a ticket's later event see what rules did on its earlier event in the same batch", async () => {
    const first = await createTestRule(ws.id, {
      triggers: ['ticket.created'],
      conditions: { match: 'all', conditions: [{ field: 'text', op: 'has_any', values: ['toaster'] }] },
      actions: [{ type: 'add_tags', tags: ['kitchen'] }],
    });
    const second = await createTestRule(ws.id, {
      triggers: ['ticket.message_added'],
      conditions: { match: 'all', conditions: [{ field: 'tags', op: 'has_any', values: ['kitchen'] }] },
      actions: [{ type: 'set_priority', priority: 'urgent' }],
    });
    const ticket = await newTicket(`Toaster ${uniqueSuffix()} smokes`);
    await asCustomer.portal.reply({ ticketId: ticket.id, body: 'Still smoking.' });
    const own = (await pendingEvents()).filter((e) => ticketIdOf(e.payload) === ticket.id);
    expect(own.map((e) => (e.payload as { type: string }).type)).toEqual(['ticket.created', 'ticket.message_added']);

    // One job takes both events (and any other pending); the rules' own changes raise events dispatched after.
    await processEventDispatch({ tenantId: ws.id, outboxId: own[0]!.id });
    expect((await rowsOf(own.map((e) => e.id))).map((r) => r.status)).toEqual(['done', 'done']);
    const [after] = await runInTenant(ws.id, ({ db }) =>
      db.select({ tags: tickets.tags, priority: tickets.priority }).from(tickets).where(eq(tickets.id, ticket.id)),
    );
    expect(after).toEqual({ tags: ['kitchen'], priority: 'urgent' });
    for (const rule of [first, second])
      await runInTenant(ws.id, ({ db }) =>
        db.execute(sql`update automation_rules set enabled = false where id = ${rule.id}`),
      );
  });

  // Embedded, one session serves every connection: another "session" holding the lock is the same one.
  it.skipIf(process.env.CAIRN_EMBEDDED === 'true')(
    'while a batch of the workspace runs, another job dispatches its own event alone, without waiting',
    async () => {
      const [first, second] = [await newTicket(), await newTicket()];
      const pending = await pendingEvents();
      const own = pending.find((e) => ticketIdOf(e.payload) === second.id)!;
      const other = pending.find((e) => ticketIdOf(e.payload) === first.id)!;
      const seen: string[] = [];
      const recorder: EventConsumer = {
        name: 'recorder',
        types: 'all',
        handle: async (_s, event) => void seen.push(event.id),
      };
      // A batch running elsewhere: its transaction holds the workspace's batch turn.
      const elsewhere = new pg.Client({ connectionString: ownerDatabaseUrl() });
      await elsewhere.connect();
      try {
        await elsewhere.query('begin');
        await elsewhere.query(`select pg_advisory_xact_lock(hashtextextended($1, 0))`, [`cairn.event-batch.${ws.id}`]);
        await processEventDispatch({ tenantId: ws.id, outboxId: own.id }, [recorder]);
        expect(seen).toEqual([own.id]);
        expect((await rowsOf([other.id]))[0]).toMatchObject({ status: 'pending', attempts: 0 });
      } finally {
        await elsewhere.query('rollback');
        await elsewhere.end();
      }
      // The turn free again, the next job takes what is left.
      await processEventDispatch({ tenantId: ws.id, outboxId: other.id }, [recorder]);
      expect(seen).toContain(other.id);
    },
  );
});

import pino from 'pino';
import { and, eq, inArray } from 'drizzle-orm';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { outbox, ticketMails, tickets } from '@/server/db/schema';
import { runInTenant } from '@/server/db/tenant';
import {
  createTestCustomer,
  createWorkspace,
  uniqueEmail,
  uniqueSuffix,
  type TestWorkspace,
} from '../helpers/factories';
import { setAsideEarlierFilesWork } from '../helpers/fault-checks';
import { reachableRedisUrl } from '../helpers/redis';
import { freePort, redisServerBinary, startRedisServer, type TestRedisServer } from '../helpers/redis-server';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp';

// The queue is only an executor: Postgres holds every piece of pending work. These cases take the queue's
// state away (a flushed Redis, a Redis down while people work) and check that every email and event is
// still carried out, each exactly once. lib/env.ts reads REDIS_URL at import, so each case loads the app
// (router, services, queue, worker) in a fresh module graph pointed at its Redis, as queue-modes does.

const sharedRedis = await reachableRedisUrl();

async function loadApp(redisUrl: string) {
  vi.resetModules();
  vi.stubEnv('REDIS_URL', redisUrl);
  const [workers, enqueue, sweep, transport, caller] = await Promise.all([
    import('@/jobs/start-workers'),
    import('@/server/queue/enqueue'),
    import('@/jobs/processors/outbox-sweep'),
    import('@/server/email/transport'),
    import('../helpers/caller'),
  ]);
  // Queues are cached on globalThis across module graphs: start from none, on this Redis.
  await enqueue.closeQueues();
  transport.resetTransport();
  return { ...workers, ...enqueue, ...sweep, resetTransport: transport.resetTransport, callerFor: caller.callerFor };
}
type App = Awaited<ReturnType<typeof loadApp>>;

let smtp: TestSmtpServer;

beforeAll(async () => {
  smtp = await startSmtpServer();
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await smtp?.close();
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const rowsOf = (ws: TestWorkspace) => runInTenant(ws.id, ({ db }) => db.select().from(outbox));

/** Tickets, replies, an assignment and invitations, through the real router: events and emails in the outbox. */
async function doSomeWork(app: App, ws: TestWorkspace, label: string) {
  const customer = await createTestCustomer(ws.id);
  const asCustomer = app.callerFor({ portal: { tenantId: ws.id, customerId: customer.id } });
  const asOwner = app.callerFor({ userId: ws.owner.userId, workspaceId: ws.id });
  const created = [];
  for (let i = 0; i < 3; i++)
    created.push(
      await asCustomer.portal.createTicket({
        subject: `${label} printer ${i} ${uniqueSuffix()}`,
        body: 'It jams on page two.',
      }),
    );
  await asOwner.ticket.reply({ ticketId: created[0]!.id, body: 'Looking into it.' });
  await asOwner.ticket.assign({ ticketId: created[1]!.id, assigneeId: ws.owner.userId });
  const invited = [uniqueEmail(`${label}-a`), uniqueEmail(`${label}-b`)];
  for (const email of invited) await asOwner.invitation.create({ email, role: 'agent' });
  return { ticketIds: created.map((t) => t.id), invited };
}

/** Every outbox row of the workspace carried out once: done after one attempt, each email received once. */
async function expectAllDoneOnce(ws: TestWorkspace) {
  const rows = await rowsOf(ws);
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows)
    expect(row, `${row.kind} ${JSON.stringify(row.payload).slice(0, 120)}`).toMatchObject({
      status: 'done',
      attempts: 1,
    });
  const emails = rows.filter((r) => r.kind === 'email');
  for (const to of new Set(emails.map((r) => String(r.payload.to)))) {
    expect(smtp.mailsTo(to), to).toHaveLength(emails.filter((r) => r.payload.to === to).length);
  }
  return rows;
}

/**
 * Each ticket's confirmation mail: queued by the consumer of its ticket.created event once the worker ran it, and
 * sent.
 */
async function expectConfirmations(ws: TestWorkspace, rows: Array<typeof outbox.$inferSelect>, ticketIds: string[]) {
  const mails = await runInTenant(ws.id, ({ db }) =>
    db
      .select({ outboxId: ticketMails.outboxId })
      .from(ticketMails)
      .where(and(inArray(ticketMails.ticketId, ticketIds), eq(ticketMails.kind, 'ticket_created_confirmation'))),
  );
  expect(mails).toHaveLength(ticketIds.length);
  const done = new Set(rows.filter((r) => r.status === 'done').map((r) => r.id));
  expect(mails.every((m) => done.has(m.outboxId!))).toBe(true);
}

async function waitUntilAllDone(ws: TestWorkspace, timeout: number) {
  await expect
    .poll(async () => (await rowsOf(ws)).filter((r) => r.status !== 'done').map((r) => `${r.kind}:${r.status}`), {
      timeout,
      interval: 250,
    })
    .toEqual([]);
}

describe.skipIf(!sharedRedis)(
  sharedRedis
    ? `a flushed Redis (${sharedRedis})`
    : 'a flushed Redis — SKIPPED: no Redis at REDIS_URL or redis://127.0.0.1:6379',
  () => {
    let app: App;
    let running: Awaited<ReturnType<App['startWorkers']>> | undefined;
    let ws: TestWorkspace;

    beforeAll(async () => {
      app = await loadApp(sharedRedis!);
      ws = await createWorkspace({ name: 'Flushed Redis Desk' });
      await setAsideEarlierFilesWork(ws.id, 'worker-faults.test.ts');
    });

    afterAll(async () => {
      await running?.stop();
      // Its pooled SMTP connections too, or the mail server's close waits for them.
      app?.resetTransport();
      vi.unstubAllEnvs();
    });

    it('loses no email or event: the sweep rebuilds every pending job from Postgres, and each runs once', async () => {
      // The worker is down while people work: the jobs wait in Redis.
      const work = await doSomeWork(app, ws, 'flush');
      const pending = await rowsOf(ws);
      expect(pending.filter((r) => r.kind === 'event').map((r) => (r.payload as { type: string }).type)).toEqual(
        expect.arrayContaining(['ticket.created', 'ticket.message_added', 'ticket.status_changed', 'ticket.assigned']),
      );
      expect(pending.filter((r) => r.kind === 'email').map((r) => r.payload.to)).toEqual(
        expect.arrayContaining(work.invited),
      );
      expect(pending.every((r) => r.status === 'pending')).toBe(true);
      expect(await app.getQueue('events').getJobCountByTypes('waiting')).toBeGreaterThan(0);

      // Redis loses everything: queued jobs, job ids, schedulers. (Only this suite's test database index.)
      const redis = new Redis(sharedRedis!);
      await redis.flushdb();
      redis.disconnect();
      expect(await app.getQueue('events').getJobCountByTypes('waiting', 'delayed', 'active')).toBe(0);

      // The worker comes back; two sweeps at once (its own at start-up, and these) still run each job once.
      running = await app.startWorkers({ log: pino({ level: 'silent' }), checkSchedulersEveryMs: 0 });
      await Promise.all([app.processOutboxSweep(), app.processOutboxSweep()]);
      await waitUntilAllDone(ws, 30_000);
      for (const email of work.invited) await smtp.waitForMailTo(email, 10_000);

      // A later sweep finds nothing of this workspace left to do; a late duplicate would show up in the counts.
      await app.processOutboxSweep();
      await pause(1000);
      await expectAllDoneOnce(ws);
    }, 90_000);
  },
);

describe.skipIf(!redisServerBinary)(
  redisServerBinary
    ? 'Redis down while tickets are created'
    : 'Redis down while tickets are created — SKIPPED: redis-server is not installed',
  () => {
    let redis: TestRedisServer;
    let app: App;
    let running: Awaited<ReturnType<App['startWorkers']>> | undefined;
    let ws: TestWorkspace;

    beforeAll(async () => {
      redis = await startRedisServer();
      app = await loadApp(redis.url);
      ws = await createWorkspace({ name: 'Redis Outage Desk' });
      await setAsideEarlierFilesWork(ws.id, 'worker-faults.test.ts');
      // Checks for lost schedulers every half second instead of every 30 s, so the test need not wait.
      running = await app.startWorkers({ log: pino({ level: 'silent' }), checkSchedulersEveryMs: 500 });
    });

    afterAll(async () => {
      await running?.stop();
      app?.resetTransport();
      await redis?.stop();
      vi.unstubAllEnvs();
    });

    it('saves the tickets, answers every call, and does their work once Redis is back', async () => {
      // Before the outage: the pipeline works, and the app's queue connection is established.
      const before = await doSomeWork(app, ws, 'before');
      await waitUntilAllDone(ws, 30_000);
      const doneBefore = (await rowsOf(ws)).length;

      await redis.kill();
      const started = Date.now();
      const during = await doSomeWork(app, ws, 'outage');
      // Seven calls, each with nudges after commit: none hangs on the missing Redis.
      expect(Date.now() - started).toBeLessThan(20_000);
      const saved = await runInTenant(ws.id, ({ db }) => db.select({ id: tickets.id }).from(tickets));
      expect(saved.map((t) => t.id)).toEqual(expect.arrayContaining([...before.ticketIds, ...during.ticketIds]));
      const waiting = (await rowsOf(ws)).filter((r) => r.status === 'pending');
      expect(waiting.length).toBeGreaterThanOrEqual(during.ticketIds.length + during.invited.length);
      await pause(1000);
      expect((await rowsOf(ws)).filter((r) => r.status === 'pending')).toHaveLength(waiting.length);

      // Redis comes back empty (no persistence). The worker reconnects, puts its schedulers back, and the
      // sweep they start rebuilds the jobs from Postgres.
      await redis.restart();
      await waitUntilAllDone(ws, 60_000);
      for (const email of during.invited) await smtp.waitForMailTo(email, 10_000);
      const rows = await expectAllDoneOnce(ws);
      // Every row that waited out the outage ran, and the notification mails its events' consumer queued on top.
      expect(rows.map((r) => r.id)).toEqual(expect.arrayContaining(waiting.map((r) => r.id)));
      expect(rows.length).toBeGreaterThan(doneBefore + waiting.length);
      await expectConfirmations(ws, rows, during.ticketIds);
      const ticketEvents = rows.filter(
        (r) => r.kind === 'event' && (r.payload as { type: string }).type === 'ticket.created',
      );
      expect(ticketEvents.map((r) => (r.payload as { data: { ticketId: string } }).data.ticketId).sort()).toEqual(
        [...before.ticketIds, ...during.ticketIds].sort(),
      );
      expect(await app.getQueue('maintenance').getJobScheduler('outbox-sweep')).toBeTruthy();

      await app.processOutboxSweep();
      await pause(1000);
      await expectAllDoneOnce(ws);
    }, 150_000);
  },
);

describe.skipIf(!redisServerBinary)(
  redisServerBinary
    ? 'Redis down when the app starts'
    : 'Redis down when the app starts — SKIPPED: redis-server is not installed',
  () => {
    let redis: TestRedisServer | undefined;
    let app: App;
    let running: Awaited<ReturnType<App['startWorkers']>> | undefined;
    let ws: TestWorkspace;
    let port: number;

    beforeAll(async () => {
      port = await freePort();
      // Nothing listens on this port yet: the app's queues never connect until the test starts Redis there.
      app = await loadApp(`redis://127.0.0.1:${port}`);
      ws = await createWorkspace({ name: 'Cold Start Desk' });
      await setAsideEarlierFilesWork(ws.id, 'worker-faults.test.ts');
    });

    afterAll(async () => {
      await running?.stop();
      app?.resetTransport();
      await redis?.stop();
      vi.unstubAllEnvs();
    });

    it('answers every call without waiting on each nudge, then does the work once Redis is up', async () => {
      const started = Date.now();
      const work = await doSomeWork(app, ws, 'cold');
      // About a dozen nudges: only the first on each queue waits out ENQUEUE_TIMEOUT_MS, the rest fail at once.
      expect(Date.now() - started).toBeLessThan(4 * app.ENQUEUE_TIMEOUT_MS);
      const rows = await rowsOf(ws);
      expect(rows.length).toBeGreaterThanOrEqual(work.ticketIds.length + work.invited.length);
      expect(rows.every((r) => r.status === 'pending')).toBe(true);

      redis = await startRedisServer({ port });
      running = await app.startWorkers({ log: pino({ level: 'silent' }), checkSchedulersEveryMs: 500 });
      await waitUntilAllDone(ws, 60_000);
      for (const email of work.invited) await smtp.waitForMailTo(email, 10_000);
      await app.processOutboxSweep();
      await pause(1000);
      const done = await expectAllDoneOnce(ws);
      expect(done.map((r) => r.id)).toEqual(expect.arrayContaining(rows.map((r) => r.id)));
      await expectConfirmations(ws, done, work.ticketIds);
    }, 120_000);
  },
);

import pino from 'pino';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { outbox } from '@/server/db/schema';
import { createWorkspace, uniqueEmail, type TestWorkspace } from '../helpers/factories';
import { reachableRedisUrl } from '../helpers/redis';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp';

// Both queue engines run the same processors: BullMQ's PostgreSQL backend in the test database (REDIS_URL
// unset, as `npm start` runs it) and Redis (production). lib/env.ts reads REDIS_URL when first imported,
// so each engine gets a fresh module graph with REDIS_URL stubbed before the app modules load.

const redisUrl = await reachableRedisUrl();

async function loadEngine(redis: string | null) {
  vi.resetModules();
  vi.stubEnv('REDIS_URL', redis ?? '');
  const [workers, connection, enqueue, invitations, sweep, tenant, transport, retry] = await Promise.all([
    import('@/jobs/start-workers'),
    import('@/server/queue/connection'),
    import('@/server/queue/enqueue'),
    import('@/server/services/invitation/invitations'),
    import('@/jobs/processors/outbox-sweep'),
    import('@/server/db/tenant'),
    import('@/server/email/transport'),
    import('@/server/services/job/retry-failed-jobs'),
  ]);
  // Queues are cached on globalThis across module graphs: start each engine from none.
  await enqueue.closeQueues();
  // Earlier test files queued work (notification mails, timers) that no worker ran; start from empty
  // queues so the first job here is not waiting behind thousands of others.
  const { QUEUES } = await import('@/server/queue/jobs');
  for (const name of Object.keys(QUEUES) as Array<keyof typeof QUEUES>) await enqueue.getQueue(name).drain(true);
  transport.resetTransport();
  return { ...workers, ...connection, ...enqueue, ...invitations, ...sweep, ...tenant, ...retry };
}
type Engine = Awaited<ReturnType<typeof loadEngine>>;

let smtp: TestSmtpServer;
let ws: TestWorkspace;

beforeAll(async () => {
  smtp = await startSmtpServer();
  ws = await createWorkspace({ name: 'Queue Test Desk' });
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await smtp?.close();
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function engineSuite(mode: 'postgres' | 'redis', redis: string | null) {
  let engine: Engine;
  let running: Awaited<ReturnType<Engine['startWorkers']>>;

  beforeAll(async () => {
    engine = await loadEngine(redis);
    running = await engine.startWorkers({ log: pino({ level: 'silent' }), checkSchedulersEveryMs: 0 });
  });

  afterAll(async () => {
    await running?.stop();
    vi.unstubAllEnvs();
  });

  const outboxRow = (id: string) =>
    engine.runInTenant(ws.id, async ({ db }) => (await db.select().from(outbox).where(eq(outbox.id, id)))[0]!);

  it(`runs on ${mode} and schedules the outbox sweep`, async () => {
    expect(engine.queueMode()).toBe(mode);
    expect(running.workers.map((w) => w.name).sort()).toEqual([
      'email',
      'events',
      'inbound',
      'maintenance',
      'outbound',
      'privacy',
      'sla',
    ]);
    const schedulers = await engine.getQueue('maintenance').getJobSchedulers();
    expect(schedulers.map((s) => s.key ?? s.id)).toContain('outbox-sweep');
    // From here on the test runs the sweep itself, so a scheduled one cannot race the assertions below.
    await engine.getQueue('maintenance').removeJobScheduler('outbox-sweep');
  });

  it('delivers an invitation email written to the outbox exactly once', { timeout: 90_000 }, async () => {
    const email = uniqueEmail(`queued-${mode}`);
    const actor = { userId: ws.owner.userId, role: 'owner' as const };
    const invitation = await engine.runInTenant(
      ws.id,
      (scope) => engine.createInvitation({ ...scope, actor }, { email, role: 'agent' }),
      actor.userId,
    );
    // The first job of a freshly started engine: on the PostgreSQL backend on a busy machine it can take a while.
    const mail = await smtp.waitForMailTo(email, 60_000);
    expect(mail.subject).toContain('invited you to Queue Test Desk');
    expect(mail.text).toContain(invitation.inviteUrl);

    // A sweep after delivery finds nothing pending for this mail; a late duplicate would show up here.
    await engine.processOutboxSweep();
    await pause(1000);
    expect(smtp.mailsTo(email)).toHaveLength(1);
    const rows = await engine.runInTenant(ws.id, ({ db }) => db.select().from(outbox));
    const mine = rows.filter((r) => r.payload.to === email);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ status: 'done', attempts: 1, lastError: null });
  });

  it('the sweep re-enqueues a pending row whose job was lost', async () => {
    const email = uniqueEmail(`lost-${mode}`);
    // Written without its queue nudge: what a crash between commit and enqueue leaves behind.
    const [lost] = await engine.runInTenant(ws.id, ({ db }) =>
      db
        .insert(outbox)
        .values({
          tenantId: ws.id,
          kind: 'email',
          payload: { to: email, subject: `Lost and found (${mode})`, html: '<p>Found</p>', text: 'Found' },
        })
        .returning(),
    );
    await pause(1000);
    expect(smtp.mailsTo(email)).toEqual([]);

    const { enqueued } = await engine.processOutboxSweep();
    expect(enqueued).toBeGreaterThanOrEqual(1);
    const mail = await smtp.waitForMailTo(email, 20_000);
    expect(mail.subject).toBe(`Lost and found (${mode})`);

    await engine.processOutboxSweep();
    await pause(1000);
    expect(smtp.mailsTo(email)).toHaveLength(1);
    expect(await outboxRow(lost!.id)).toMatchObject({ status: 'done', attempts: 1 });
  });

  it('a row whose job used up its attempts is marked failed, left by the sweep, and sent once when retried', async () => {
    const email = uniqueEmail(`bounce-${mode}`);
    smtp.refuse(email);
    const [row] = await engine.runInTenant(ws.id, ({ db }) =>
      db
        .insert(outbox)
        .values({
          tenantId: ws.id,
          kind: 'email',
          payload: { to: email, subject: `Second try (${mode})`, html: '<p>Hi</p>', text: 'Hi' },
        })
        .returning(),
    );
    // One attempt instead of five, so the job gives up within the test.
    await engine.enqueue('email.send', { tenantId: ws.id, outboxId: row!.id }, { key: row!.id, attempts: 1 });
    const job = () => engine.getQueue('email').getJob(engine.jobId('email.send', row!.id));
    await expect.poll(async () => (await job())?.isFailed(), { timeout: 20_000, interval: 200 }).toBe(true);
    await expect.poll(async () => (await outboxRow(row!.id)).status, { timeout: 10_000 }).toBe('failed');
    expect(await outboxRow(row!.id)).toMatchObject({
      attempts: 1,
      lastError: expect.stringContaining('Mailbox temporarily unavailable'),
    });

    // Failed rows wait for a person: the sweep does not retry them behind the admin's back.
    smtp.accept(email);
    await engine.processOutboxSweep();
    await pause(1000);
    expect(smtp.mailsTo(email)).toEqual([]);

    // The admin's Retry: back to pending, and the job still sitting in the failed set is retried.
    await engine.runInTenant(ws.id, (scope) => engine.retryFailedJob(scope, { jobId: row!.id }));
    const mail = await smtp.waitForMailTo(email, 20_000);
    expect(mail.subject).toBe(`Second try (${mode})`);
    await expect.poll(async () => (await outboxRow(row!.id)).status, { timeout: 10_000 }).toBe('done');
    await engine.processOutboxSweep();
    await pause(1000);
    expect(smtp.mailsTo(email)).toHaveLength(1);
  });

  it('the sweep retries a pending row whose job gave up before the failure was recorded', async () => {
    const email = uniqueEmail(`unrecorded-${mode}`);
    smtp.refuse(email);
    const [row] = await engine.runInTenant(ws.id, ({ db }) =>
      db
        .insert(outbox)
        .values({
          tenantId: ws.id,
          kind: 'email',
          payload: { to: email, subject: `Picked up (${mode})`, html: '<p>Hi</p>', text: 'Hi' },
        })
        .returning(),
    );
    await engine.enqueue('email.send', { tenantId: ws.id, outboxId: row!.id }, { key: row!.id, attempts: 1 });
    await expect.poll(async () => (await outboxRow(row!.id)).status, { timeout: 20_000, interval: 200 }).toBe('failed');
    // What a worker that died between the last attempt and recording it leaves: pending, its job in the failed set.
    await engine.runInTenant(ws.id, ({ db }) =>
      db.update(outbox).set({ status: 'pending' }).where(eq(outbox.id, row!.id)),
    );

    smtp.accept(email);
    await engine.processOutboxSweep();
    const mail = await smtp.waitForMailTo(email, 20_000);
    expect(mail.subject).toBe(`Picked up (${mode})`);
    await expect.poll(async () => (await outboxRow(row!.id)).status, { timeout: 10_000 }).toBe('done');
    expect(smtp.mailsTo(email)).toHaveLength(1);
  });
}

describe('BullMQ on PostgreSQL (REDIS_URL unset)', () => engineSuite('postgres', null));

describe.skipIf(!redisUrl)(
  redisUrl
    ? `BullMQ on Redis (${redisUrl})`
    : 'BullMQ on Redis — SKIPPED: no Redis at REDIS_URL or redis://127.0.0.1:6379',
  () => engineSuite('redis', redisUrl),
);

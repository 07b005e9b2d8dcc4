import pino from 'pino';
import { eq } from 'drizzle-orm';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ticketSlaTargets } from '@/server/db/schema';
import { ownerDatabaseUrl } from '@/server/db/urls';
import { createTestCustomer, createWorkspace, type TestWorkspace } from '../helpers/factories';
import { reachableRedisUrl } from '../helpers/redis';

// SLA timers on both queue engines: a delayed `sla.check` job per clock records the breach on time, and
// when the queue loses the job (Redis flushed) the sweep rebuilds the work from Postgres. lib/env.ts reads
// REDIS_URL at first import, so each engine gets its own module graph (as in queue-modes.test.ts).

const redisUrl = await reachableRedisUrl();
let owner: pg.Client;
let ws: TestWorkspace;

async function loadEngine(redis: string | null) {
  vi.resetModules();
  vi.stubEnv('REDIS_URL', redis ?? '');
  const [workers, enqueue, tenant, createTicket, recompute, sweep] = await Promise.all([
    import('@/jobs/start-workers'),
    import('@/server/queue/enqueue'),
    import('@/server/db/tenant'),
    import('@/server/services/ticket/create-ticket'),
    import('@/server/services/sla/recompute-ticket-sla'),
    import('@/server/services/sla-check/sweep-due-sla'),
  ]);
  await enqueue.closeQueues();
  // Earlier test files queued work (notification mails, timers) that no worker ran; start from empty
  // queues so the first job here is not waiting behind thousands of others.
  const { QUEUES } = await import('@/server/queue/jobs');
  for (const name of Object.keys(QUEUES) as Array<keyof typeof QUEUES>) await enqueue.getQueue(name).drain(true);
  return { ...workers, ...enqueue, ...tenant, ...createTicket, ...recompute, ...sweep };
}
type Engine = Awaited<ReturnType<typeof loadEngine>>;

beforeAll(async () => {
  owner = new pg.Client({ connectionString: ownerDatabaseUrl() });
  await owner.connect();
  ws = await createWorkspace({ name: 'Timer Desk' });
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await owner?.end();
});

/**
 * An urgent ticket (2 h first response) whose creation is moved back so its first response falls due
 * `inMs` from now; the recompute in the same transaction schedules the timer, as any change would.
 */
async function ticketDueIn(engine: Engine, inMs: number) {
  const customer = await createTestCustomer(ws.id);
  const ticket = await engine.runInTenant(ws.id, (scope) =>
    engine.createTicket(scope, {
      requesterId: customer.id,
      subject: 'Timer test',
      body: 'Tick tock',
      priority: 'urgent',
      channel: 'web',
      actor: { type: 'customer', customerId: customer.id },
    }),
  );
  const shiftMs = 2 * 3_600_000 - inMs;
  for (const table of ['tickets', 'ticket_messages', 'ticket_activities']) {
    const column = table === 'tickets' ? 'id' : 'ticket_id';
    await owner.query(
      `update ${table} set created_at = created_at - ($2 || ' milliseconds')::interval where ${column} = $1`,
      [ticket.id, String(shiftMs)],
    );
  }
  const [row] = await engine.runInTenant(ws.id, async (scope) =>
    (await engine.recomputeTicketSla(scope, ticket.id)).filter((t) => t.metric === 'first_response'),
  );
  return { ticketId: ticket.id, dueAt: row!.dueAt! };
}

const firstResponse = (engine: Engine, ticketId: string) =>
  engine.runInTenant(ws.id, async ({ db }) =>
    (await db.select().from(ticketSlaTargets).where(eq(ticketSlaTargets.ticketId, ticketId))).find(
      (t) => t.metric === 'first_response',
    )!,
  );

function timerSuite(mode: 'postgres' | 'redis', redis: string | null, maxDelayMs: number) {
  let engine: Engine;
  let running: Awaited<ReturnType<Engine['startWorkers']>>;

  beforeAll(async () => {
    engine = await loadEngine(redis);
    running = await engine.startWorkers({ log: pino({ level: 'silent' }), checkSchedulersEveryMs: 0 });
    // Only the timer may record the breach in the first test: no scheduled sweep racing it.
    await engine.getQueue('maintenance').removeJobScheduler('sla-sweep');
  });

  afterAll(async () => {
    await running?.stop();
    vi.unstubAllEnvs();
  });

  it(
    `records a breach within ${maxDelayMs / 1000} s of its due time from the delayed job alone`,
    { timeout: maxDelayMs + 30_000 },
    async () => {
      // A timer due in hours already waits in the queue (any open ticket's): the worker must not sleep until then.
      await ticketDueIn(engine, 2 * 3_600_000);
      const { ticketId, dueAt } = await ticketDueIn(engine, 3_000);
      await expect
        .poll(async () => (await firstResponse(engine, ticketId)).breachedAt, {
          timeout: maxDelayMs + 20_000,
          interval: 100,
        })
        .not.toBeNull();
      const delay = (await firstResponse(engine, ticketId)).breachedAt!.getTime() - dueAt.getTime();
      console.log(`[sla timers] ${mode}: breach recorded ${delay} ms after the due time`);
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThan(maxDelayMs);
    },
  );

  it.runIf(mode === 'redis')(
    'after Redis loses every job, the sweep rebuilds the timer from Postgres and the breach is still recorded',
    async () => {
      const { ticketId } = await ticketDueIn(engine, 1_500);
      // The delayed job is gone: what a flushed or failed-over Redis leaves.
      await running.stop();
      const client = new Redis(redis!);
      await client.flushdb();
      client.disconnect();
      engine = await loadEngine(redis);
      running = await engine.startWorkers({ log: pino({ level: 'silent' }), checkSchedulersEveryMs: 0 });
      await engine.getQueue('maintenance').removeJobScheduler('sla-sweep');
      await new Promise((resolve) => setTimeout(resolve, 1_500 + engine.SLA_TIMER_GRACE_MS + 500));
      expect((await firstResponse(engine, ticketId)).breachedAt).toBeNull();
      const swept = await engine.sweepDueSla();
      expect(swept.checked).toBeGreaterThanOrEqual(1);
      const row = await firstResponse(engine, ticketId);
      expect(row.breachedAt).not.toBeNull();
      expect(row.nextCheckAt).toBeNull();
    },
  );
}

// The embedded backend polls for delayed jobs and shares one database session with everything else; its
// promise is "recorded", not "within 2 s" (that is production's, on Redis).
describe('SLA timers on BullMQ PostgreSQL backend', () => timerSuite('postgres', null, 30_000));

describe.skipIf(!redisUrl)(
  redisUrl ? `SLA timers on Redis (${redisUrl})` : 'SLA timers on Redis — SKIPPED: no Redis',
  () => timerSuite('redis', redisUrl, 2_000),
);

import { and, eq, inArray } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { outbox } from '@/server/db/schema';
import { runInTenant } from '@/server/db/tenant';
import { ownerDatabaseUrl } from '@/server/db/urls';
import { createTestCustomer, createWorkspace, type TestWorkspace } from '../../helpers/factories';
import {
  deliveryProblems,
  emailRows,
  firstResponseBreaches,
  mailsFor,
  setAsideEarlierFilesWork,
  urgentTicketDueIn,
} from '../../helpers/fault-checks';
import { reachableRedisUrl } from '../../helpers/redis';
import { startSmtpServer, type TestSmtpServer } from '../../helpers/smtp';
import { startWorkerProcess, stopWorkerProcess, type WorkerProcess } from '../../helpers/worker-process';

// A real worker process (`npm run worker`) is SIGKILLed while it sends a batch of mails and SLA timers
// fall due, and another one is started, as a supervisor would. The mail server withholds its replies, so
// at the kill every one of the worker's email slots is mid-send at a known point: those mails may have
// been delivered, the rest of the batch waits in the queue. Afterwards each mail must have been sent
// exactly once, or be marked "may have been delivered" and never resent; each timer's breach recorded once.

const redisUrl = await reachableRedisUrl();
const skipReason = redisUrl
  ? null
  : 'no Redis at REDIS_URL or redis://127.0.0.1:6379 (the separate worker process runs its queues on Redis)';
if (skipReason) console.warn(`[faults] worker killed mid-batch — SKIPPED: ${skipReason}`);

async function loadApp(url: string) {
  vi.resetModules();
  vi.stubEnv('REDIS_URL', url);
  const [enqueue, jobs, sweep, emailSend, createTicket, recompute] = await Promise.all([
    import('@/server/queue/enqueue'),
    import('@/server/queue/jobs'),
    import('@/jobs/processors/outbox-sweep'),
    import('@/jobs/processors/email-send'),
    import('@/server/services/ticket/create-ticket'),
    import('@/server/services/sla/recompute-ticket-sla'),
  ]);
  await enqueue.closeQueues();
  // Earlier files queued work no worker ran: the batch must not wait behind it.
  for (const name of Object.keys(jobs.QUEUES) as Array<keyof typeof jobs.QUEUES>)
    await enqueue.getQueue(name).drain(true);
  return { ...enqueue, ...jobs, ...sweep, ...emailSend, ...createTicket, ...recompute };
}

describe.skipIf(skipReason)(
  skipReason ? `worker killed mid-batch — SKIPPED: ${skipReason}` : `worker killed mid-batch (Redis ${redisUrl})`,
  () => {
    let app: Awaited<ReturnType<typeof loadApp>>;
    let smtp: TestSmtpServer;
    let ws: TestWorkspace;
    let owner: pg.Client;
    const workers: WorkerProcess[] = [];

    beforeAll(async () => {
      // The server holds every reply until the kill. On a loaded machine that can outlast the default 30 s of
      // silence, after which the worker rightly gives the mails up as "may have been delivered" before the
      // kill this test is about: its worker processes wait the longest an operator may set.
      vi.stubEnv('SMTP_SOCKET_TIMEOUT_SECONDS', '60');
      app = await loadApp(redisUrl!);
      smtp = await startSmtpServer();
      owner = new pg.Client({ connectionString: ownerDatabaseUrl() });
      await owner.connect();
      ws = await createWorkspace({ name: 'Killed Worker Desk' });
      await setAsideEarlierFilesWork(ws.id, 'worker-killed-mid-batch.test.ts');
    });

    afterAll(async () => {
      for (const worker of workers) await stopWorkerProcess(worker);
      // The worker processes installed their schedulers in the test Redis: leave none for the next file.
      for (const key of ['outbox-sweep', 'sla-sweep', 'automation-time-rules'])
        await app?.getQueue('maintenance').removeJobScheduler(key);
      await app?.closeQueues();
      await owner?.end();
      await smtp?.close();
      vi.unstubAllEnvs();
    });

    it(
      'fault: worker killed mid-batch → every mail once or marked "may have been delivered", no timer lost',
      { timeout: 600_000 },
      async () => {
        const first = await startWorkerProcess(redisUrl!);
        workers.push(first);
        const release = smtp.holdReplies();

        // The batch: more mails than the worker sends at once, and timers falling due around the kill.
        const ticketIds: string[] = [];
        for (let i = 0; i < 12; i++) {
          const customer = await createTestCustomer(ws.id);
          ticketIds.push(
            await urgentTicketDueIn(app, owner, ws.id, customer.id, i < 6 ? 4_000 + i * 1_000 : 2 * 3_600_000),
          );
        }
        const timed = ticketIds.slice(0, 6);

        // Mails are mid-send (claimed, waiting on the server's reply). A job claims a batch of the workspace's
        // pending mails, so more rows than slots may be in flight at the kill; on a loaded machine the worker
        // may still be writing the batch's mails when it is killed, so one claimed mail is enough to go on.
        const sending = () =>
          runInTenant(ws.id, ({ db }) =>
            db
              .select({ id: outbox.id })
              .from(outbox)
              .where(and(eq(outbox.kind, 'email'), eq(outbox.status, 'sending'))),
          );
        await expect.poll(async () => (await sending()).length, { timeout: 90_000, interval: 100 }).toBeGreaterThan(0);
        // The kill comes once the server holds at least one of them (its reply held back): the case where a
        // resend would deliver a mail twice.
        await expect
          .poll(
            async () => {
              const claimed = await emailRows(ws.id);
              return claimed.filter((r) => r.status === 'sending' && mailsFor(smtp, r).length === 1).length;
            },
            { timeout: 60_000, interval: 100 },
          )
          .toBeGreaterThan(0);
        const inFlight = (await sending()).map((r) => r.id);
        const rowsAtKill = await emailRows(ws.id);

        first.child.kill('SIGKILL');
        expect(await first.exited).toMatchObject({ signal: 'SIGKILL' });
        release();

        // A supervisor starts another worker: it takes the rest of the batch and the timers.
        const second = await startWorkerProcess(redisUrl!);
        workers.push(second);
        // The dead worker's BullMQ jobs come back only once their lock runs out and a stalled check sees them
        // (30 s each), which on a loaded machine may be well past a minute.
        await expect
          .poll(async () => (await emailRows(ws.id)).filter((r) => r.status === 'pending').length, {
            timeout: 120_000,
            interval: 250,
          })
          .toBe(0);
        await expect
          .poll(async () => (await firstResponseBreaches(ws.id, timed)).filter((t) => !t.breached).length, {
            timeout: 60_000,
            interval: 250,
          })
          .toBe(0);

        // The dead worker's claims never settle. Their lease runs out (moved back instead of waited for) and
        // the sweep marks them as possibly delivered instead of sending them again.
        await runInTenant(ws.id, ({ db }) =>
          db
            .update(outbox)
            .set({ claimedAt: new Date(Date.now() - 10 * 60_000) })
            .where(and(inArray(outbox.id, inFlight), eq(outbox.status, 'sending'))),
        );
        await app.processOutboxSweep();
        // Breach escalations may queue more mail after the kill: everything settles with the second worker.
        const settled = () =>
          expect
            .poll(
              async () =>
                (await emailRows(ws.id)).filter((r) => r.status === 'pending' || r.status === 'sending').length,
              // A job the dead worker held comes back only after its lock runs out and a stalled check runs.
              { timeout: 120_000, interval: 250 },
            )
            .toBe(0);
        await settled();

        const rows = await emailRows(ws.id);
        expect(deliveryProblems(rows, smtp, app.UNCERTAIN_DELIVERY_ERRORS)).toEqual([]);
        const uncertain = rows.filter((r) => inFlight.includes(r.id));
        expect(uncertain.map((r) => r.status)).toEqual(inFlight.map(() => 'failed'));
        // Some of them did reach the server before the kill: those are exactly the ones a resend would double.
        expect(uncertain.filter((r) => mailsFor(smtp, r).length === 1).length).toBeGreaterThan(0);
        // The rest of the batch was sent. A mail whose reply the held server withheld past the transport's
        // socket timeout was already settled as "may have been delivered" before the kill.
        const unsettledAtKill = rowsAtKill.filter((r) => r.status !== 'failed').length;
        expect(rows.filter((r) => !inFlight.includes(r.id) && r.status === 'done').length).toBeGreaterThanOrEqual(
          unsettledAtKill - inFlight.length,
        );

        // Each timer did its work once: one breach, one activity, whichever worker ran it.
        expect(await firstResponseBreaches(ws.id, timed)).toEqual(
          timed.map((ticketId) => ({ ticketId, breached: true, recorded: 1 })),
        );
        // A late duplicate (a stalled job re-run, a second sweep) would show up here. Mail the desk queued
        // meanwhile (a later event's notice) is let through first: a row still pending is not a duplicate.
        // Only the rows settled above are judged: an event dispatched after the poll saw nothing pending may
        // queue a new notice at any moment, and a row that new is still on its way, not a duplicate.
        await app.processOutboxSweep();
        await settled();
        const settledIds = new Set(rows.map((r) => r.id));
        const judged = (await emailRows(ws.id)).filter((r) => settledIds.has(r.id));
        expect(deliveryProblems(judged, smtp, app.UNCERTAIN_DELIVERY_ERRORS)).toEqual([]);
        console.log(
          `[faults] worker killed with ${inFlight.length} mails in flight of ${rowsAtKill.length}: ${rows.filter((r) => r.status === 'done').length} done once, ${uncertain.length} marked "may have been delivered", ${timed.length} timers recorded once`,
        );
      },
    );
  },
);

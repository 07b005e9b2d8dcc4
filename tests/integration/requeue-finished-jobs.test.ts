import { Queue } from 'bullmq';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processOutboxSweep } from '@/jobs/processors/outbox-sweep';
import { inboundMessages, outbox } from '@/server/db/schema';
import { runInTenant } from '@/server/db/tenant';
import { reviewInboundMessage } from '@/server/services/inbound/review-inbound-message';
import { storeInboundMessage } from '@/server/services/inbound/store-inbound-message';
import { asStaff, createTestCustomer, createWorkspace, type TestWorkspace } from '../helpers/factories';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp';
import { createTestTicket } from '../helpers/ticket-factories';
import { fixture, inboundRow } from '../helpers/inbound-mail';
import { reachableRedisUrl } from '../helpers/redis';
import { startWorkerProcess, stopWorkerProcess, type WorkerProcess } from '../helpers/worker-process';

// A row sent back to waiting after its job completed must be run again by the worker, through the queue. The
// first job is kept as completed (removeOnComplete keeps the last thousand), and BullMQ ignores an add under a
// job id it still keeps: an admin's retry of received mail, or a mail put back to pending whose own retry
// add was lost, would have waited for good, the sweep's re-add ignored too. A real worker process on real
// Redis runs every job here.

// The app's own queue must be that Redis for the worker to see the jobs the app adds: with REDIS_URL unset
// (the embedded mode), the app queues on BullMQ's PostgreSQL backend.
const redisUrl = process.env.REDIS_URL ? await reachableRedisUrl() : null;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Well within the sweep's minute of grace: what is tested here must not wait for the sweep to rescue it. */
const PROMPTLY_MS = 20_000;

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = PROMPTLY_MS) {
  const deadline = Date.now() + ms;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await wait(200);
    value = await read();
  }
  return value;
}

describe.skipIf(!redisUrl)(
  redisUrl
    ? `rows waiting again after their job completed (Redis ${redisUrl})`
    : 'requeue after a completed job — SKIPPED: the app queues on Redis only with REDIS_URL set',
  () => {
    let A: TestWorkspace;
    let worker: WorkerProcess | undefined;
    let maintenance: Queue;
    let smtp: TestSmtpServer;

    beforeAll(async () => {
      smtp = await startSmtpServer();
      A = await createWorkspace({ name: 'Requeue Desk' });
      maintenance = new Queue('maintenance', { connection: { url: redisUrl!, maxRetriesPerRequest: null } });
    });

    afterAll(async () => {
      await stopWorkerProcess(worker);
      // The worker process installed its schedulers in the test Redis: leave none for the next file.
      for (const name of [
        'outbox-sweep',
        'automation-time-rules',
        'privacy-sweep',
        'privacy-retention',
        'domain-recheck',
        'imap-sweep',
        'reports-weekly-digest',
      ])
        await maintenance?.removeJobScheduler(name);
      await maintenance?.close();
      await smtp?.close();
    });

    it("an admin's retry of unprocessed mail is processed again by the worker", { timeout: 180_000 }, async () => {
      worker = await startWorkerProcess(redisUrl!);
      const stored = await storeInboundMessage(A.id, fixture('garbage.eml', { RUN: `requeue-${Date.now()}` }));
      // Its store-time job: processed by the worker, kept as failed (no From address).
      const first = await until(
        () => inboundRow(A.id, stored.id),
        (row) => row.status !== 'pending',
      );
      expect(first).toMatchObject({ status: 'failed' });

      expect(
        await asStaff(A.id, A.owner, (scope) => reviewInboundMessage(scope, { id: stored.id, action: 'retry' })),
      ).toEqual({
        id: stored.id,
        status: 'pending',
      });
      const again = await until(
        () => inboundRow(A.id, stored.id),
        (row) => row.status !== 'pending',
      );
      expect(again).toMatchObject({ status: 'failed', outcome: first.outcome });
      expect(again.processedAt!.getTime()).toBeGreaterThan(first.processedAt!.getTime());
    });

    it('the sweep re-queues a message pending again whose first job completed', { timeout: 180_000 }, async () => {
      worker ??= await startWorkerProcess(redisUrl!);
      const stored = await storeInboundMessage(A.id, fixture('garbage.eml', { RUN: `swept-${Date.now()}` }));
      const first = await until(
        () => inboundRow(A.id, stored.id),
        (row) => row.status !== 'pending',
      );
      expect(first).toMatchObject({ status: 'failed' });
      // Pending again with no job of its own, older than the sweep's grace: as after a lost nudge.
      await runInTenant(A.id, ({ db }) =>
        db
          .update(inboundMessages)
          .set({ status: 'pending', processedAt: null, receivedAt: new Date(Date.now() - 120_000) })
          .where(eq(inboundMessages.id, stored.id)),
      );
      expect((await processOutboxSweep()).inboundEnqueued).toBeGreaterThanOrEqual(1);
      const again = await until(
        () => inboundRow(A.id, stored.id),
        (row) => row.status !== 'pending',
      );
      expect(again).toMatchObject({ status: 'failed', outcome: first.outcome });
    });

    it('the sweep re-queues a mail put back to pending whose first job completed', { timeout: 180_000 }, async () => {
      worker ??= await startWorkerProcess(redisUrl!);
      const customer = await createTestCustomer(A.id);
      await createTestTicket(A.id, { requesterId: customer.id });
      const mailRow = () =>
        runInTenant(A.id, async ({ db }) => {
          const rows = await db
            .select()
            .from(outbox)
            .where(and(eq(outbox.kind, 'email'), sql`${outbox.payload} ->> 'to' = ${customer.email}`));
          return rows[0] ?? null;
        });
      // The customer's confirmation: queued by the ticket's event, sent by the worker, its job completed.
      const sent = await until(mailRow, (row) => row?.status === 'done');
      expect(sent).toMatchObject({ status: 'done' });
      expect(smtp.mailsTo(customer.email)).toHaveLength(1);
      // Put back to pending with no job of its own: a mail another job's batch settled as pending, whose
      // retry add was lost. Played here with a sent mail, so a new worker process runs the rest: the one
      // that sent it remembers it as done and would skip its jobs (a done mail never returns to pending).
      await runInTenant(A.id, ({ db }) =>
        db.update(outbox).set({ status: 'pending', doneAt: null }).where(eq(outbox.id, sent!.id)),
      );
      await stopWorkerProcess(worker);
      worker = await startWorkerProcess(redisUrl!);
      await processOutboxSweep();
      const again = await until(mailRow, (row) => row?.status === 'done');
      expect(again).toMatchObject({ status: 'done' });
      expect(smtp.mailsTo(customer.email)).toHaveLength(2);
    });
  },
);

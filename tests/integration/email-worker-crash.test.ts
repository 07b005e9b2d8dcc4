import { Queue } from 'bullmq';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNCERTAIN_DELIVERY_ERROR } from '@/jobs/processors/email-send';
import { processOutboxSweep } from '@/jobs/processors/outbox-sweep';
import { outbox } from '@/server/db/schema';
import { runInTenant } from '@/server/db/tenant';
import { jobId } from '@/server/queue/enqueue';
import { callerFor } from '../helpers/caller';
import {
  addMember,
  createTestCustomer,
  createWorkspace,
  type TestMember,
  type TestWorkspace,
} from '../helpers/factories';
import { ticketMailRows } from '../helpers/notification-mail';
import { reachableRedisUrl } from '../helpers/redis';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp';
import { createTestTicket } from '../helpers/ticket-factories';
import { startWorkerProcess, stopWorkerProcess, type WorkerProcess } from '../helpers/worker-process';

// The worker dies after the SMTP server took the message but before the worker could record it. A real
// worker process (`npm run worker`) on real Redis is SIGKILLed from inside the SMTP server's DATA handler,
// before it answers 250. Whatever runs next, the recipient must have exactly one mail, and the ticket
// must say that this mail's fate is unknown instead of silently sending it again.

const redisUrl = await reachableRedisUrl();

describe.skipIf(!redisUrl)(
  redisUrl ? `worker killed mid-send (Redis ${redisUrl})` : 'worker killed mid-send — SKIPPED: no Redis',
  () => {
    let smtp: TestSmtpServer;
    let ws: TestWorkspace;
    let agent: TestMember;
    let email: Queue;
    let maintenance: Queue;
    const workers: WorkerProcess[] = [];

    beforeAll(async () => {
      smtp = await startSmtpServer();
      ws = await createWorkspace({ name: 'Crash Desk' });
      agent = await addMember(ws.id, 'agent');
      const connection = { url: redisUrl!, maxRetriesPerRequest: null };
      email = new Queue('email', { connection });
      maintenance = new Queue('maintenance', { connection });
    });

    afterAll(async () => {
      for (const worker of workers) await stopWorkerProcess(worker);
      // The worker processes installed their schedulers in the test Redis: leave none for the next file.
      await maintenance?.removeJobScheduler('outbox-sweep');
      await maintenance?.removeJobScheduler('automation-time-rules');
      await maintenance?.removeJobScheduler('privacy-sweep');
      await maintenance?.removeJobScheduler('privacy-retention');
      await maintenance?.removeJobScheduler('domain-recheck');
      await maintenance?.removeJobScheduler('imap-sweep');
      await maintenance?.removeJobScheduler('reports-weekly-digest');
      await email?.close();
      await maintenance?.close();
      await smtp?.close();
    });

    it(
      'kill after the SMTP server accepted the message → exactly one email, and the ticket shows it as uncertain',
      { timeout: 180_000 },
      async () => {
        const first = await startWorkerProcess(redisUrl!);
        workers.push(first);
        const customer = await createTestCustomer(ws.id);
        // Armed before the ticket exists: with REDIS_URL set, its own outbox nudge reaches the worker at once.
        const killed = new Promise<void>((resolve) => {
          const off = smtp.onReceived((mail) => {
            if (!mail.to.includes(customer.email)) return;
            off();
            first.child.kill('SIGKILL');
            resolve();
          });
        });
        // Assigned, so the only mail of the ticket is the customer's confirmation.
        const ticket = await createTestTicket(ws.id, {
          requesterId: customer.id,
          assigneeId: agent.userId,
          actor: { type: 'agent', userId: agent.userId },
        });
        // The mail is queued by the worker's consumer of the ticket.created event, then nudged to its email queue.
        // Generous: on the embedded database under the whole suite, the new worker process takes a while to
        // start, and its event queue (this Redis database) also holds the other test files' events (30 s was
        // not enough in one CI run).
        await expect
          .poll(async () => (await ticketMailRows(ws.id, ticket.id)).length, { timeout: 90_000, interval: 100 })
          .toBe(1);
        const [row] = await ticketMailRows(ws.id, ticket.id);
        expect(row).toMatchObject({ audience: 'customer' });
        const outboxId = row!.outboxId!;

        // The job as the outbox nudge adds it (the same deterministic id), on the Redis the worker reads.
        await email.add(
          'email.send',
          { tenantId: ws.id, outboxId },
          { jobId: jobId('email.send', outboxId), attempts: 5, backoff: { type: 'exponential', delay: 2000 } },
        );
        await killed;
        expect(await first.exited).toMatchObject({ signal: 'SIGKILL' });
        expect(smtp.mailsTo(customer.email)).toHaveLength(1);
        // The worker claimed the row and never settled it.
        const stuck = (
          await runInTenant(ws.id, ({ db }) => db.select().from(outbox).where(eq(outbox.id, outboxId)))
        )[0]!;
        expect(stuck).toMatchObject({ status: 'sending', attempts: 1 });

        // A new worker, handed the job again (as a stalled-job recovery or a duplicate delivery would), sends nothing.
        const second = await startWorkerProcess(redisUrl!);
        workers.push(second);
        const again = await email.add(
          'email.send',
          { tenantId: ws.id, outboxId },
          { jobId: `${jobId('email.send', outboxId)}-again` },
        );
        await expect
          .poll(async () => (await email.getJob(again.id!))?.finishedOn, { timeout: 30_000, interval: 250 })
          .toBeTruthy();
        expect((await email.getJob(again.id!))?.returnvalue).toEqual({ skipped: true });

        // The lease runs out (moved back instead of waited for), and the sweep makes the uncertain case visible.
        await runInTenant(ws.id, ({ db }) =>
          db
            .update(outbox)
            .set({ claimedAt: new Date(Date.now() - 10 * 60_000) })
            .where(eq(outbox.id, outboxId)),
        );
        const { expired } = await processOutboxSweep();
        expect(expired).toBeGreaterThanOrEqual(1);
        const settled = (
          await runInTenant(ws.id, ({ db }) => db.select().from(outbox).where(eq(outbox.id, outboxId)))
        )[0]!;
        expect(settled).toMatchObject({ status: 'failed', attempts: 1, lastError: UNCERTAIN_DELIVERY_ERROR });

        // Later sweeps and jobs leave it alone: still exactly one mail.
        await processOutboxSweep();
        const late = await email.add(
          'email.send',
          { tenantId: ws.id, outboxId },
          { jobId: `${jobId('email.send', outboxId)}-late` },
        );
        await expect
          .poll(async () => (await email.getJob(late.id!))?.finishedOn, { timeout: 30_000, interval: 250 })
          .toBeTruthy();
        expect(smtp.mailsTo(customer.email)).toHaveLength(1);

        const detail = await callerFor({ userId: agent.userId, workspaceId: ws.id }).ticket.get({
          ticketId: ticket.id,
        });
        expect(detail.messages[0]!.mailFailures).toEqual([
          expect.objectContaining({ recipient: customer.email, reason: UNCERTAIN_DELIVERY_ERROR }),
        ]);
      },
    );
  },
);

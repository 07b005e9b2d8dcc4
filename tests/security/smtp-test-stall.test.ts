import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processOutboundCheck } from '@/jobs/processors/outbound-check';
import { SMTP_CHECK_MESSAGES } from '@/server/email/transport';
import { getQueue, jobId } from '@/server/queue/enqueue';
import { callerFor } from '../helpers/caller';
import {
  addMember,
  createTestCustomer,
  createWorkspace,
  type TestMember,
  type TestWorkspace,
} from '../helpers/factories';
import { startTcpServer, type TestTcpServer } from '../helpers/tcp-server';
import { createTestTicket } from '../helpers/ticket-factories';

// The silent server listens on 127.0.0.1, which global-setup allows as an operator would an internal relay.
//
// Issue 9, hole 4: "Test connection" held a pooled database connection (its request's transaction) while
// it waited up to 30 s on the remote server. Ten parallel tests against a server that never answers took
// every connection, and another workspace's ticket list waited for them. Now the request only records the
// check and queues it; the worker waits, with its own time limits, one check per workspace at a time.

let tarpit: TestTcpServer;
let attacker: TestWorkspace;
let victim: TestWorkspace;
let victimAgent: TestMember;

beforeAll(async () => {
  tarpit = await startTcpServer();
  attacker = await createWorkspace({ name: 'Stalling Workspace' });
  victim = await createWorkspace({ name: 'Busy Desk' });
  victimAgent = await addMember(victim.id, 'agent');
  const customer = await createTestCustomer(victim.id);
  for (let i = 0; i < 3; i++) await createTestTicket(victim.id, { requesterId: customer.id });
});

afterAll(async () => {
  await tarpit?.close();
});

const asAttacker = () => callerFor({ userId: attacker.owner.userId, workspaceId: attacker.id });

/** The value, or 'stalled' when it takes longer than a ticket list ever should (it answers in ms). */
function within<T>(work: Promise<T>, ms: number): Promise<T | 'stalled'> {
  let timer: NodeJS.Timeout | undefined;
  const stalled = new Promise<'stalled'>((resolve) => (timer = setTimeout(() => resolve('stalled'), ms)));
  return Promise.race([work, stalled]).finally(() => clearTimeout(timer));
}

describe('SMTP "Test connection" cannot stall other workspaces', () => {
  it('twelve parallel tests on a server that never answers leave another workspace fast, and the requests do no network I/O', async () => {
    const tests = Array.from({ length: 12 }, () => asAttacker().mailSettings.test({ smtpUrl: tarpit.url }));
    const list = await within(callerFor({ userId: victimAgent.userId, workspaceId: victim.id }).ticket.list({}), 3_000);
    expect(list, "the other workspace's ticket list waited on the SMTP tests").not.toBe('stalled');
    expect((list as { items: unknown[] }).items).toHaveLength(3);

    const started = await within(Promise.all(tests), 3_000);
    expect(started, 'starting a test waited on the remote server').not.toBe('stalled');
    // One check: every click got the same running check back.
    const checks = started as Array<{ status: string; id?: string }>;
    expect(new Set(checks.map((c) => c.id)).size).toBe(1);
    expect(checks.every((c) => c.status === 'running')).toBe(true);
    expect(tarpit.connections(), 'a web request connected to the remote server').toBe(0);
  });

  it('queues one job per workspace, whatever the clicks; the worker gives up on a silent server within its time limit', async () => {
    const job = await getQueue('outbound').getJob(jobId('outbound.check', `${attacker.id}-smtp`));
    expect(job?.data).toEqual({ tenantId: attacker.id, kind: 'smtp' });
    const again = await asAttacker().mailSettings.test({ smtpUrl: tarpit.url });
    expect(again).toMatchObject({ status: 'running', alreadyRunning: true });
    const waiting = await getQueue('outbound').getJobs(['waiting', 'delayed', 'active', 'prioritized']);
    expect(waiting.filter((j) => j.name === 'outbound.check' && j.data.tenantId === attacker.id)).toHaveLength(1);

    const startedAt = Date.now();
    await processOutboundCheck({ tenantId: attacker.id, kind: 'smtp' });
    expect(Date.now() - startedAt).toBeLessThan(20_000);
    const status = await asAttacker().mailSettings.testStatus();
    expect(tarpit.connections()).toBe(1);
    expect(status).toMatchObject({ status: 'failed', message: SMTP_CHECK_MESSAGES.unreachable });
  });
});

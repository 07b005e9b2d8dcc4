import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { processEventDispatch } from '@/jobs/processors/event-dispatch';
import { outbox } from '@/server/db/schema';
import { runInTenant } from '@/server/db/tenant';
import { createAssignedTeam } from '../helpers/assignment';
import { createTestRule } from '../helpers/automation-factories';
import { callerFor, type Caller } from '../helpers/caller';
import { addMember, createTestCustomer, createWorkspace, uniqueSuffix, type TestWorkspace } from '../helpers/factories';

// The worker runs eight event.dispatch jobs at once, and one ticket's events arrive together (created, message
// added, assigned, status changed): every consumer of every one of them (rules, assignment, notifications,
// rollups) must go through on its first attempt, without two of them deadlocking on the same ticket's rows.

let ws: TestWorkspace;
let asAgent: Caller;
let asCustomer: Caller;
let teamId: string;

beforeAll(async () => {
  ws = await createWorkspace({ name: 'Busy Events Desk' });
  const agent = await addMember(ws.id, 'agent');
  const { team } = await createAssignedTeam(ws.id, { agents: 3, policy: 'round_robin' });
  teamId = team.id;
  asAgent = callerFor({ userId: agent.userId, workspaceId: ws.id });
  asCustomer = callerFor({ portal: { tenantId: ws.id, customerId: (await createTestCustomer(ws.id)).id } });
  await createTestRule(ws.id, {
    triggers: ['ticket.created', 'ticket.message_added', 'ticket.status_changed'],
    actions: [
      { type: 'add_tags', tags: ['seen-by-rule'] },
      { type: 'set_priority', priority: 'high' },
    ],
  });
});

const pendingEventIds = (ticketIds: string[]) =>
  runInTenant(ws.id, async ({ db }) => {
    const rows = await db
      .select({ id: outbox.id, payload: outbox.payload })
      .from(outbox)
      .where(and(eq(outbox.kind, 'event'), eq(outbox.status, 'pending')));
    return rows
      .filter((r) => ticketIds.includes((r.payload as { data: { ticketId: string } }).data.ticketId))
      .map((r) => r.id);
  });

/** Like the worker's queue: `concurrency` jobs in flight, each taking the next event when it ends. */
async function dispatchConcurrently(ids: string[], concurrency: number) {
  const queue = [...ids];
  const failures: unknown[] = [];
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let id = queue.shift(); id; id = queue.shift())
        await processEventDispatch({ tenantId: ws.id, outboxId: id }).catch((error) => failures.push(error));
    }),
  );
  return failures;
}

describe('one ticket’s events dispatched side by side', () => {
  it('all go through on their first attempt', async () => {
    const ticketIds: string[] = [];
    for (let i = 0; i < 6; i++) {
      const ticket = await asCustomer.portal.createTicket({ subject: `Burst ${uniqueSuffix()}`, body: 'Help.' });
      ticketIds.push(ticket.id);
      await asAgent.ticket.assign({ ticketId: ticket.id, teamId });
      await asAgent.ticket.reply({ ticketId: ticket.id, body: 'Looking into it.' });
      await asCustomer.portal.reply({ ticketId: ticket.id, body: 'Thanks!' });
      await asAgent.ticket.updateStatus({ ticketId: ticket.id, status: 'pending' });
    }
    const failures: unknown[] = [];
    // Rules' own changes raise further events: dispatch until none is left.
    for (let round = 0; round < 5; round++) {
      const ids = await pendingEventIds(ticketIds);
      if (ids.length === 0) break;
      failures.push(...(await dispatchConcurrently(ids, 8)));
    }
    expect(failures.map(String)).toEqual([]);
    const rows = await runInTenant(ws.id, ({ db }) =>
      db
        .select({ status: outbox.status, attempts: outbox.attempts, lastError: outbox.lastError })
        .from(outbox)
        .where(and(eq(outbox.kind, 'event'), inArray(outbox.status, ['pending', 'done']))),
    );
    expect(rows.filter((r) => r.attempts > 1 || r.lastError)).toEqual([]);
  });
});

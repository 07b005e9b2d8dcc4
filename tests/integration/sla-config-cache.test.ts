import { and, eq } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ticketSlaTargets, tickets } from '@/server/db/schema';
import { runInTenant } from '@/server/db/tenant';
import { ownerDatabaseUrl } from '@/server/db/urls';
import { saveSlaPolicyInput } from '@/lib/validators/sla';
import { saveSlaPolicy } from '@/server/services/sla/policies';
import { createTicket } from '@/server/services/ticket/create-ticket';
import { captureSql } from '../bench/sql-capture';
import { callerFor } from '../helpers/caller';
import { createTestCustomer, createWorkspace, type TestWorkspace } from '../helpers/factories';
import { createTestPolicy } from '../helpers/sla-factories';

// Issue 10 §2: a ticket change no longer reads the workspace's SLA setup (policies, escalations, calendars,
// defaults) when it has not changed; the process keeps it under tenants.sla_config_version. A stale setup
// must never give a wrong due time: every change, made through this process or behind its back (another
// process, a hand-written UPDATE: here the owner connection, so no app code runs), is seen by the very next
// create. Each case also checks the create before the change used the kept setup, so it tests the cache.

const MIN = 60_000;
let owner: pg.Client;

beforeAll(async () => {
  owner = new pg.Client({ connectionString: ownerDatabaseUrl() });
  await owner.connect();
});

afterAll(async () => {
  await owner?.end();
});

/** A customer's ticket through the portal procedure; its first-response due time in minutes after creation. */
async function create(ws: TestWorkspace) {
  const customer = await createTestCustomer(ws.id);
  const { result: created, statements } = await captureSql(() =>
    callerFor({ portal: { tenantId: ws.id, customerId: customer.id } }).portal.createTicket({
      subject: 'The export hangs',
      body: 'It spins forever.',
    }),
  );
  const [ticket] = await runInTenant(ws.id, ({ db }) => db.select().from(tickets).where(eq(tickets.id, created.id)));
  const targets = await runInTenant(ws.id, ({ db }) =>
    db.select().from(ticketSlaTargets).where(eq(ticketSlaTargets.ticketId, created.id)),
  );
  const firstResponse = targets.find((t) => t.metric === 'first_response')!;
  return {
    firstResponseMinutes: (firstResponse.dueAt!.getTime() - ticket!.createdAt.getTime()) / MIN,
    policyId: firstResponse.policyId,
    // The setup's reads (loadSlaConfig); the portal's promise joins business_calendars, which is not one.
    readSlaSetup: statements.some((s) => /from "(sla_policies|sla_escalations|business_calendars)"/.test(s.text)),
    // The create's transaction, begin to commit (the queue's nudges after it are not its cost).
    transaction: statements.slice(0, statements.findIndex((s) => s.text === 'commit') + 1).map((s) => s.text),
  };
}

const policyTargets = (firstResponse: number) => {
  const minutes = { first_response: firstResponse, resolution: 480 };
  return { low: minutes, normal: minutes, high: minutes, urgent: minutes };
};

/** A workspace whose setup this process has read and kept: the second create reads no SLA table. */
async function warmWorkspace(opts: { policyMinutes?: number } = {}) {
  const ws = await createWorkspace();
  const policy = opts.policyMinutes
    ? await createTestPolicy(ws.id, { name: 'Everyone', targets: policyTargets(opts.policyMinutes) })
    : null;
  await create(ws);
  const warm = await create(ws);
  expect(warm.readSlaSetup).toBe(false);
  return { ws, policy, warm };
}

describe('the SLA setup kept in the process', () => {
  it('a new ticket makes no read for its SLA setup, stored targets or escalation runs when nothing changed', async () => {
    const { warm } = await warmWorkspace({ policyMinutes: 30 });
    expect(warm.firstResponseMinutes).toBe(30);
    // Was 27 through the portal (24 in the service, 9 of them SLA reads), then 13, then 8. Now: begin with the
    // settings (one round trip: server/db/deferred-begin-client.ts), the customer, the new ticket's facts
    // (settings, SLA setup version, organization, active custom fields: one statement), then number + ticket +
    // message + activity + targets + event + live notice (one statement), the portal's promise, commit.
    expect(warm.transaction).toHaveLength(6);
    expect(warm.transaction[0]).toMatch(/^begin;\s*select set_config\('role'/);
    expect(warm.transaction.filter((text) => /from "(ticket_sla_targets|sla_escalation_runs)"/.test(text))).toEqual([
      expect.stringContaining('"target_minutes"'),
    ]);
  });

  it('a policy saved through the app applies to the very next create', async () => {
    const { ws, policy, warm } = await warmWorkspace({ policyMinutes: 30 });
    expect(warm.policyId).toBe(policy!.id);
    const asOwner = callerFor({ userId: ws.owner.userId, workspaceId: ws.id });
    await asOwner.slaPolicy.save({ policyId: policy!.id, name: 'Everyone', targets: policyTargets(45) });
    expect(await create(ws)).toMatchObject({ firstResponseMinutes: 45, readSlaSetup: true });
  });

  it('a policy changed, disabled or deleted behind the process’s back applies to the very next create', async () => {
    const { ws, policy } = await warmWorkspace({ policyMinutes: 30 });
    await owner.query(`update sla_policies set targets = $2 where id = $1`, [
      policy!.id,
      JSON.stringify(policyTargets(50)),
    ]);
    expect((await create(ws)).firstResponseMinutes).toBe(50);

    expect((await create(ws)).readSlaSetup).toBe(false);
    await owner.query(`update sla_policies set enabled = false where id = $1`, [policy!.id]);
    // No policy applies: the workspace default for a normal ticket, 24 hours.
    expect(await create(ws)).toMatchObject({ firstResponseMinutes: 24 * 60, policyId: null });

    await owner.query(`update sla_policies set enabled = true where id = $1`, [policy!.id]);
    expect((await create(ws)).firstResponseMinutes).toBe(50);
    await owner.query(`delete from sla_policies where id = $1`, [policy!.id]);
    expect(await create(ws)).toMatchObject({ firstResponseMinutes: 24 * 60, policyId: null });
  });

  it('the workspace defaults changed behind the process’s back apply to the very next create', async () => {
    const { ws, warm } = await warmWorkspace();
    expect(warm.firstResponseMinutes).toBe(24 * 60);
    await owner.query(`update tenants set settings = jsonb_set(settings, '{sla}', $2::jsonb, true) where id = $1`, [
      ws.id,
      JSON.stringify({ defaultTargets: { normal: { first_response: 90 } }, warnAtPercent: 80 }),
    ]);
    expect((await create(ws)).firstResponseMinutes).toBe(90);
  });

  it('a change rolled back after a create kept its setup is never mistaken for a later, committed one', async () => {
    const { ws, policy } = await warmWorkspace({ policyMinutes: 30 });
    const customer = await createTestCustomer(ws.id);
    // One transaction moves the policy to 10 minutes and creates a ticket (this process keeps the setup it
    // read, under the transaction's new version), then rolls back. A counter would give the next committed
    // change that same version back, and the kept 10 minutes would be used for it.
    await expect(
      runInTenant(ws.id, async (scope) => {
        await saveSlaPolicy(
          scope,
          saveSlaPolicyInput.parse({ policyId: policy!.id, name: 'Everyone', targets: policyTargets(10) }),
        );
        const ticket = await createTicket(scope, {
          requesterId: customer.id,
          subject: 'Rolled back',
          body: 'Never happened.',
          channel: 'web',
          actor: { type: 'customer', customerId: customer.id },
        });
        const [target] = await scope.db
          .select()
          .from(ticketSlaTargets)
          .where(and(eq(ticketSlaTargets.ticketId, ticket.id), eq(ticketSlaTargets.metric, 'first_response')));
        expect((target!.dueAt!.getTime() - ticket.createdAt.getTime()) / MIN).toBe(10);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    await owner.query(`update sla_policies set targets = $2 where id = $1`, [
      policy!.id,
      JSON.stringify(policyTargets(40)),
    ]);
    expect((await create(ws)).firstResponseMinutes).toBe(40);
  });
});

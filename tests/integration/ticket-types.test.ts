import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { automationRules, ticketActivities, tickets, ticketTypes } from '@/server/db/schema';
import { runInTenant } from '@/server/db/tenant';
import { createTestRule, dispatchPendingEvents } from '../helpers/automation-factories';
import { callerFor, type Caller } from '../helpers/caller';
import { addMember, createTestCustomer, createWorkspace, uniqueSuffix, type TestWorkspace } from '../helpers/factories';
import { createTestTicket } from '../helpers/ticket-factories';

// Ticket types managed per workspace (Admin → Ticket types): tickets hold a type's key; a key that is not
// one of the workspace's active types is refused wherever a type is set; deleting a type in use moves or
// clears its tickets through the pipeline, with an activity line; another workspace's types are unknown.

let W: TestWorkspace;
let other: TestWorkspace;
let asAdmin: Caller;
let asAgent: Caller;
let asOther: Caller;
let customerId: string;

beforeAll(async () => {
  W = await createWorkspace();
  other = await createWorkspace();
  const admin = await addMember(W.id, 'admin');
  const agent = await addMember(W.id, 'agent');
  asAdmin = callerFor({ userId: admin.userId, workspaceId: W.id });
  asAgent = callerFor({ userId: agent.userId, workspaceId: W.id });
  asOther = callerFor({ userId: other.owner.userId, workspaceId: other.id });
  customerId = (await createTestCustomer(W.id)).id;
});

const newTicket = (type?: string) => createTestTicket(W.id, { requesterId: customerId, type });
const stored = async (id: string) =>
  (await runInTenant(W.id, ({ db }) => db.select().from(tickets).where(eq(tickets.id, id))))[0]!;
const lastActivity = async (ticketId: string) =>
  (
    await runInTenant(W.id, ({ db }) =>
      db.select().from(ticketActivities).where(eq(ticketActivities.ticketId, ticketId)),
    )
  ).at(-1);
const typeRow = async (id: string) =>
  (await runInTenant(W.id, ({ db }) => db.select().from(ticketTypes).where(eq(ticketTypes.id, id))))[0];
const usageOf = async (key: string) => (await asAdmin.ticketType.usage()).find((u) => u.type === key)?.tickets ?? 0;

describe('the workspace list', () => {
  it('a new workspace starts with the four default types, in order', async () => {
    const fresh = await createWorkspace();
    const types = await callerFor({ userId: fresh.owner.userId, workspaceId: fresh.id }).ticketType.list();
    expect(types.map((t) => [t.key, t.name, t.archivedAt])).toEqual([
      ['question', 'Question', null],
      ['incident', 'Incident', null],
      ['problem', 'Problem', null],
      ['task', 'Task', null],
    ]);
  });

  it('creates with a key made from the name, refuses a taken name (any case), renames keeping the key', async () => {
    const suffix = uniqueSuffix();
    const created = await asAdmin.ticketType.create({ name: `Feature request ${suffix}` });
    expect(created).toMatchObject({ key: `feature_request_${suffix}`, name: `Feature request ${suffix}` });
    expect((await asAdmin.ticketType.list()).at(-1)?.id).toBe(created.id);

    await expect(asAdmin.ticketType.create({ name: `FEATURE REQUEST ${suffix}` })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('already exists'),
    });
    await expect(asAgent.ticketType.create({ name: `Agent made ${suffix}` })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });

    // Same words, other punctuation: the key gets a number rather than clashing.
    const twin = await asAdmin.ticketType.create({ name: `Feature-request! ${suffix}` });
    expect(twin.key).toBe(`feature_request_${suffix}_2`);

    const ticket = await newTicket(created.key);
    const renamed = await asAdmin.ticketType.update({ typeId: created.id, name: `Idea ${suffix}` });
    expect(renamed).toMatchObject({ key: created.key, name: `Idea ${suffix}` });
    expect((await stored(ticket.id)).type).toBe(created.key);
    await expect(asAdmin.ticketType.update({ typeId: twin.id, name: `idea ${suffix}` })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('reorders: every type once, or a 4xx with the order unchanged', async () => {
    const ids = (await asAdmin.ticketType.list()).map((t) => t.id);
    const reversed = await asAdmin.ticketType.reorder({ typeIds: [...ids].reverse() });
    expect(reversed.map((t) => t.id)).toEqual([...ids].reverse());
    await expect(asAdmin.ticketType.reorder({ typeIds: ids.slice(1) })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect((await asAdmin.ticketType.list()).map((t) => t.id)).toEqual([...ids].reverse());
    await asAdmin.ticketType.reorder({ typeIds: ids });
  });
});

describe('setting a type on a ticket', () => {
  it('accepts an active key, refuses an unknown or archived one with a 4xx naming it, and changes nothing', async () => {
    const type = await asAdmin.ticketType.create({ name: `Outage ${uniqueSuffix()}` });
    const ticket = await newTicket('question');
    await asAgent.ticket.update({ ticketId: ticket.id, type: type.key });
    expect((await stored(ticket.id)).type).toBe(type.key);
    expect(await lastActivity(ticket.id)).toMatchObject({ changes: { type: { from: 'question', to: type.key } } });

    const before = await stored(ticket.id);
    await expect(
      asAgent.ticket.update({ ticketId: ticket.id, type: 'no_such_type', priority: 'urgent' }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('"no_such_type"'),
    });
    await expect(
      asAgent.ticket.create({
        subject: 'Phoned in',
        body: 'The customer called.',
        requester: { customerId },
        type: 'no_such_type',
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('"no_such_type"') });

    await asAdmin.ticketType.update({ typeId: type.id, archived: true });
    await expect(asAgent.ticket.update({ ticketId: ticket.id, type: 'question' })).resolves.toBeTruthy();
    await expect(asAgent.ticket.update({ ticketId: ticket.id, type: type.key })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining(type.key),
    });
    expect((await stored(ticket.id)).type).toBe('question');
    expect((await stored(ticket.id)).priority).toBe(before.priority);

    // Archived stays on the tickets that have it and is counted; restoring makes it selectable again.
    const holder = await newTicket();
    await asAdmin.ticketType.update({ typeId: type.id, archived: false });
    await asAgent.ticket.update({ ticketId: holder.id, type: type.key });
    await asAdmin.ticketType.update({ typeId: type.id, archived: true });
    expect((await stored(holder.id)).type).toBe(type.key);
    expect(await usageOf(type.key)).toBe(1);
  });

  it('macros and rules may only name active types of the workspace; a rule sets a custom type', async () => {
    const type = await asAdmin.ticketType.create({ name: `Security ${uniqueSuffix()}` });
    await expect(
      asAdmin.macro.save({ name: `Bad type ${uniqueSuffix()}`, actions: { type: 'no_such_type' } }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('"no_such_type"') });
    const macro = await asAdmin.macro.save({ name: `Secure ${uniqueSuffix()}`, actions: { type: type.key } });
    const ticket = await newTicket();
    await asAgent.macro.applyToTicket({ macroId: macro.id, ticketId: ticket.id });
    expect((await stored(ticket.id)).type).toBe(type.key);

    await expect(
      asAdmin.automationRule.save({
        name: `Bad rule ${uniqueSuffix()}`,
        kind: 'event',
        triggers: ['ticket.created'],
        actions: [{ type: 'set_type', ticketType: 'no_such_type' }],
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('"no_such_type"') });

    const word = `vuln${uniqueSuffix()}`;
    const rule = await createTestRule(W.id, {
      conditions: { match: 'all', conditions: [{ field: 'text', op: 'has_any', values: [word] }] },
      actions: [{ type: 'set_type', ticketType: type.key }],
    });
    const hit = await createTestTicket(W.id, { requesterId: customerId, subject: `Found a ${word} today` });
    await dispatchPendingEvents(W.id);
    expect((await stored(hit.id)).type).toBe(type.key);

    // Archived since the rule was saved: the rule's run fails with the reason, the ticket keeps its type.
    await asAdmin.ticketType.update({ typeId: type.id, archived: true });
    const late = await createTestTicket(W.id, { requesterId: customerId, subject: `Another ${word} here` });
    await dispatchPendingEvents(W.id);
    expect((await stored(late.id)).type).toBeNull();
    const [ruleRow] = await runInTenant(W.id, ({ db }) =>
      db.select().from(automationRules).where(eq(automationRules.id, rule.id)),
    );
    expect(ruleRow!.lastErrors[0]?.message).toContain(type.key);
    await asAdmin.automationRule.setEnabled({ ruleId: rule.id, enabled: false });
  });

  it('the database refuses a key the workspace does not have, even written directly', async () => {
    const ticket = await newTicket();
    await expect(
      runInTenant(W.id, ({ db }) => db.execute(sql`update tickets set type = 'no_such_type' where id = ${ticket.id}`)),
    ).rejects.toThrow();
    expect((await stored(ticket.id)).type).toBeNull();
  });
});

describe('deleting a type', () => {
  it('moves its tickets to the replacement, each with an activity line; a bad answer is a 4xx that changes nothing', async () => {
    const doomed = await asAdmin.ticketType.create({ name: `Doomed ${uniqueSuffix()}` });
    const keeper = await asAdmin.ticketType.create({ name: `Keeper ${uniqueSuffix()}` });
    const archived = await asAdmin.ticketType.create({ name: `Old ${uniqueSuffix()}` });
    await asAdmin.ticketType.update({ typeId: archived.id, archived: true });
    const [one, two] = [await newTicket(doomed.key), await newTicket(doomed.key)];
    const bystander = await newTicket(keeper.key);
    expect(await usageOf(doomed.key)).toBe(2);

    const reassign = (typeId: string) =>
      asAdmin.ticketType.delete({ typeId: doomed.id, tickets: { action: 'reassign', typeId } });
    await expect(reassign(doomed.id)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(reassign(archived.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(reassign(crypto.randomUUID())).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(asAgent.ticketType.delete({ typeId: doomed.id, tickets: { action: 'clear' } })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    for (const t of [one, two]) expect((await stored(t.id)).type).toBe(doomed.key);
    expect(await typeRow(doomed.id)).toBeDefined();

    const result = await asAdmin.ticketType.delete({
      typeId: doomed.id,
      tickets: { action: 'reassign', typeId: keeper.id },
    });
    expect(result).toEqual({ id: doomed.id, tickets: 2 });
    for (const t of [one, two]) {
      expect((await stored(t.id)).type).toBe(keeper.key);
      expect(await lastActivity(t.id)).toMatchObject({
        action: 'config_removed',
        reason: `Ticket type "${doomed.name}" was deleted; moved to "${keeper.name}"`,
        changes: { type: { from: doomed.key, to: keeper.key } },
      });
    }
    expect((await stored(bystander.id)).type).toBe(keeper.key);
    expect(await typeRow(doomed.id)).toBeUndefined();
    expect(await usageOf(keeper.key)).toBe(3);
  });

  it('clears the type of its tickets when asked to, and a deleted key may be made again', async () => {
    const name = `Temporary ${uniqueSuffix()}`;
    const type = await asAdmin.ticketType.create({ name });
    const ticket = await newTicket(type.key);
    expect(await asAdmin.ticketType.delete({ typeId: type.id, tickets: { action: 'clear' } })).toEqual({
      id: type.id,
      tickets: 1,
    });
    expect((await stored(ticket.id)).type).toBeNull();
    expect(await lastActivity(ticket.id)).toMatchObject({
      action: 'config_removed',
      reason: `Ticket type "${name}" was deleted; type cleared`,
      changes: { type: { from: type.key, to: null } },
    });
    expect(await usageOf(type.key)).toBe(0);
    expect((await asAdmin.ticketType.create({ name })).key).toBe(type.key);
  });

  it('an unused type goes with nothing to rewrite', async () => {
    const type = await asAdmin.ticketType.create({ name: `Unused ${uniqueSuffix()}` });
    expect(await asAdmin.ticketType.delete({ typeId: type.id, tickets: { action: 'clear' } })).toEqual({
      id: type.id,
      tickets: 0,
    });
  });
});

describe('workspaces', () => {
  it('a type of one workspace cannot be used, changed, counted or deleted from another', async () => {
    const mine = await asAdmin.ticketType.create({ name: `Mine ${uniqueSuffix()}` });
    const ticket = await newTicket(mine.key);
    const otherCustomer = await createTestCustomer(other.id);
    const otherTicket = await createTestTicket(other.id, { requesterId: otherCustomer.id });

    const notFound = (call: Promise<unknown>) => expect(call).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await notFound(asOther.ticket.update({ ticketId: otherTicket.id, type: mine.key }));
    await notFound(
      asOther.ticket.create({
        subject: 'Elsewhere',
        body: 'Hello',
        requester: { customerId: otherCustomer.id },
        type: mine.key,
      }),
    );
    await notFound(asOther.macro.save({ name: `Borrowed ${uniqueSuffix()}`, actions: { type: mine.key } }));
    await notFound(
      asOther.automationRule.save({
        name: `Borrowed ${uniqueSuffix()}`,
        kind: 'event',
        triggers: ['ticket.created'],
        actions: [{ type: 'set_type', ticketType: mine.key }],
      }),
    );
    await notFound(asOther.ticketType.update({ typeId: mine.id, name: 'Hijacked', archived: true }));
    await notFound(asOther.ticketType.delete({ typeId: mine.id, tickets: { action: 'clear' } }));
    const otherQuestion = (await asOther.ticketType.list()).find((t) => t.key === 'question')!;
    await notFound(
      asOther.ticketType.delete({ typeId: otherQuestion.id, tickets: { action: 'reassign', typeId: mine.id } }),
    );
    expect((await asOther.ticketType.list()).map((t) => t.key)).not.toContain(mine.key);
    expect((await asOther.ticketType.usage()).map((u) => u.type)).not.toContain(mine.key);

    // The database wall too: another workspace's key is no key there.
    await expect(
      runInTenant(other.id, ({ db }) =>
        db.execute(sql`update tickets set type = ${mine.key} where id = ${otherTicket.id}`),
      ),
    ).rejects.toThrow();

    expect(await typeRow(mine.id)).toMatchObject({ name: mine.name, archivedAt: null });
    expect((await stored(ticket.id)).type).toBe(mine.key);
    const [otherRow] = await runInTenant(other.id, ({ db }) =>
      db
        .select()
        .from(tickets)
        .where(and(eq(tickets.id, otherTicket.id))),
    );
    expect(otherRow!.type).toBeNull();
  });
});

import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { ticketActivities, ticketCategories, ticketFields, tickets } from '@/server/db/schema';
import { runInTenant } from '@/server/db/tenant';
import { callerFor, type Caller } from '../helpers/caller';
import {
  addMember,
  createTestCustomer,
  createTestTeam,
  createWorkspace,
  uniqueSuffix,
  type TestMember,
  type TestWorkspace,
} from '../helpers/factories';
import { createTestTicket } from '../helpers/ticket-factories';

// The admin screens' services: macro sharing and field changes, safe removal of categories, tags and
// fields (tickets rewritten through the pipeline, with activity), and required-on-solve. One workspace.

let W: TestWorkspace;
let agent: TestMember;
let outsider: TestMember;
let asAdmin: Caller;
let asAgent: Caller;
let asOutsider: Caller;
let customer: { id: string };
let team: { id: string };

beforeAll(async () => {
  W = await createWorkspace({ name: 'Acme <Support>' });
  const admin = await addMember(W.id, 'admin');
  agent = await addMember(W.id, 'agent', { name: 'Alex Agent' });
  outsider = await addMember(W.id, 'agent');
  team = await createTestTeam(W.id, { memberUserIds: [agent.userId] });
  asAdmin = callerFor({ userId: admin.userId, workspaceId: W.id });
  asAgent = callerFor({ userId: agent.userId, workspaceId: W.id });
  asOutsider = callerFor({ userId: outsider.userId, workspaceId: W.id });
  customer = await createTestCustomer(W.id, { name: 'Dana\n\nYour refund is approved <b>' });
});

const newTicket = () => createTestTicket(W.id, { requesterId: customer.id, subject: 'Printer {{agent.name}}' });
const stored = async (id: string) =>
  (await runInTenant(W.id, ({ db }) => db.select().from(tickets).where(eq(tickets.id, id))))[0]!;
const activities = (ticketId: string) =>
  runInTenant(W.id, ({ db }) => db.select().from(ticketActivities).where(eq(ticketActivities.ticketId, ticketId)));

describe('macros', () => {
  it('a team macro is seen and applied by team members only; admins manage it', async () => {
    const macro = await asAdmin.macro.save({
      name: `Team only ${uniqueSuffix()}`,
      body: 'Hello',
      visibility: 'teams',
      teamIds: [team.id],
    });
    expect(macro).toMatchObject({ visibility: 'teams', teamIds: [team.id], ownerUserId: null });
    expect((await asAgent.macro.list()).map((m) => m.id)).toContain(macro.id);
    expect((await asOutsider.macro.list()).map((m) => m.id)).not.toContain(macro.id);
    const ticket = await newTicket();
    await expect(asOutsider.macro.applyToTicket({ macroId: macro.id, ticketId: ticket.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(asOutsider.macro.delete({ macroId: macro.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(asAgent.macro.delete({ macroId: macro.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      asAgent.macro.save({ name: 'Mine to share', body: 'x', visibility: 'teams', teamIds: [team.id] }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(asAdmin.macro.save({ name: 'No teams', body: 'x', visibility: 'teams' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('at least one team'),
    });
    // Widened to everyone by an admin: now the outsider sees it too.
    await asAdmin.macro.save({ macroId: macro.id, name: macro.name, body: 'Hello', visibility: 'everyone' });
    expect((await asOutsider.macro.list()).map((m) => m.id)).toContain(macro.id);
  });

  it('sets type and custom fields, and renders placeholders as inline text, never expanding values', async () => {
    const key = `plan_${uniqueSuffix()}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
    await asAdmin.ticketField.create({
      key,
      label: 'Plan',
      type: 'select',
      options: [
        { value: 'pro', label: 'Pro' },
        { value: 'free', label: 'Free' },
      ],
    });
    await expect(
      asAdmin.macro.save({ name: `Bad ${uniqueSuffix()}`, actions: { customFields: { [key]: 'gold' } } }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('Plan must be one of') });
    const macro = await asAdmin.macro.save({
      name: `Incident ${uniqueSuffix()}`,
      body: 'Hi {{requester.name}}, {{ticket.subject}} is {{ticket.priority}}. {{agent.name}} / {{workspace.name}}',
      actions: { type: 'incident', priority: 'urgent', customFields: { [key]: 'pro' } },
    });
    const ticket = await newTicket();
    const result = await asAgent.macro.applyToTicket({ macroId: macro.id, ticketId: ticket.id });
    expect(result.body).toBe(
      'Hi Dana Your refund is approved <b>, Printer {{agent.name}} is Urgent. Alex Agent / Acme <Support>',
    );
    expect(await stored(ticket.id)).toMatchObject({
      type: 'incident',
      priority: 'urgent',
      customFields: { [key]: 'pro' },
    });
    expect((await activities(ticket.id)).at(-1)).toMatchObject({
      action: 'macro_applied',
      actorUserId: agent.userId,
      changes: { type: { from: null, to: 'incident' } },
    });
  });
});

describe('safe removal', () => {
  it('deleting a category in use moves its tickets to the replacement, each with an activity entry', async () => {
    const doomed = await asAdmin.category.create({ name: `Doomed ${uniqueSuffix()}`, icon: 'bug' });
    const keeper = await asAdmin.category.create({ name: `Keeper ${uniqueSuffix()}` });
    const [one, two] = [await newTicket(), await newTicket()];
    for (const t of [one, two]) await asAgent.ticket.update({ ticketId: t.id, categoryId: doomed.id });
    expect((await asAdmin.category.usage()).find((u) => u.categoryId === doomed.id)?.tickets).toBe(2);

    await expect(
      asAdmin.category.delete({ categoryId: doomed.id, tickets: { action: 'reassign', categoryId: doomed.id } }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      asAgent.category.delete({ categoryId: doomed.id, tickets: { action: 'clear' } }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await stored(one.id)).categoryId).toBe(doomed.id);

    const result = await asAdmin.category.delete({
      categoryId: doomed.id,
      tickets: { action: 'reassign', categoryId: keeper.id },
    });
    expect(result).toEqual({ id: doomed.id, tickets: 2 });
    for (const t of [one, two]) {
      expect((await stored(t.id)).categoryId).toBe(keeper.id);
      expect((await activities(t.id)).at(-1)).toMatchObject({
        action: 'config_removed',
        reason: `Category "${doomed.name}" was deleted; moved to "${keeper.name}"`,
        changes: { categoryId: { from: doomed.id, to: keeper.id } },
      });
    }
    expect(
      await runInTenant(W.id, ({ db }) => db.select().from(ticketCategories).where(eq(ticketCategories.id, doomed.id))),
    ).toEqual([]);

    const cleared = await asAdmin.category.delete({ categoryId: keeper.id, tickets: { action: 'clear' } });
    expect(cleared.tickets).toBe(2);
    expect((await stored(one.id)).categoryId).toBeNull();
  });

  it('a tag is renamed (merged where both are present) or removed, with activity', async () => {
    const old = `old-${uniqueSuffix()}`.toLowerCase();
    const next = `new-${uniqueSuffix()}`.toLowerCase();
    const [one, two] = [await newTicket(), await newTicket()];
    await asAgent.ticket.update({ ticketId: one.id, tags: [old, 'keep'] });
    await asAgent.ticket.update({ ticketId: two.id, tags: [old, next] });
    expect((await asAdmin.tag.list()).find((t) => t.tag === old)?.tickets).toBe(2);

    expect(await asAdmin.tag.delete({ tag: old, tickets: { action: 'reassign', tag: next } })).toEqual({
      tag: old,
      tickets: 2,
    });
    expect((await stored(one.id)).tags).toEqual([next, 'keep']);
    expect((await stored(two.id)).tags).toEqual([next]);
    expect((await activities(two.id)).at(-1)?.reason).toBe(`Tag "${old}" was renamed to "${next}"`);

    await asAdmin.tag.delete({ tag: next, tickets: { action: 'clear' } });
    expect((await stored(one.id)).tags).toEqual(['keep']);
    await expect(asAdmin.tag.delete({ tag: next, tickets: { action: 'clear' } })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('a field is deleted with its values cleared; an option in use cannot be dropped silently', async () => {
    const key = `tier_${uniqueSuffix()}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
    const field = await asAdmin.ticketField.create({
      key,
      label: 'Tier',
      type: 'select',
      options: [
        { value: 'gold', label: 'Gold' },
        { value: 'silver', label: 'Silver' },
      ],
    });
    const ticket = await newTicket();
    await asAgent.ticket.update({ ticketId: ticket.id, customFields: { [key]: 'gold' } });
    expect(await asAdmin.ticketField.usage()).toContainEqual({ key, value: 'gold', tickets: 1 });

    await expect(
      asAdmin.ticketField.update({ fieldId: field.id, options: [{ value: 'silver', label: 'Silver' }] }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('1 ticket holds "Gold"') });
    const renamed = await asAdmin.ticketField.update({
      fieldId: field.id,
      label: 'Support tier',
      options: [
        { value: 'gold', label: 'Gold' },
        { value: 'bronze', label: 'Bronze' },
      ],
    });
    expect(renamed).toMatchObject({ label: 'Support tier', key, type: 'select' });

    expect(await asAdmin.ticketField.delete({ fieldId: field.id })).toEqual({ id: field.id, tickets: 1 });
    expect((await stored(ticket.id)).customFields).not.toHaveProperty(key);
    expect((await activities(ticket.id)).at(-1)).toMatchObject({
      action: 'config_removed',
      reason: 'Field "Support tier" was deleted; its value was cleared',
    });
    expect(
      await runInTenant(W.id, ({ db }) => db.select().from(ticketFields).where(eq(ticketFields.id, field.id))),
    ).toEqual([]);
  });
});

describe('removing dropdown options tickets hold', () => {
  const tiers = [
    { value: 'gold', label: 'Gold' },
    { value: 'silver', label: 'Silver' },
    { value: 'bronze', label: 'Bronze' },
  ];
  const newTierField = async () => {
    const key = `tier_${uniqueSuffix()}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
    const field = await asAdmin.ticketField.create({ key, label: 'Tier', type: 'select', options: tiers });
    return { key, field };
  };
  const ticketHolding = async (key: string, value: string) => {
    const ticket = await newTicket();
    await asAgent.ticket.update({ ticketId: ticket.id, customFields: { [key]: value } });
    return ticket;
  };
  const storedField = async (id: string) =>
    (await runInTenant(W.id, ({ db }) => db.select().from(ticketFields).where(eq(ticketFields.id, id))))[0]!;
  const removals = async (ticketId: string) =>
    (await activities(ticketId)).filter((a) => a.action === 'config_removed').map((a) => a.reason);

  it('is refused without an answer, naming each option and how many tickets hold it; nothing changes', async () => {
    const { key, field } = await newTierField();
    const golds = [await ticketHolding(key, 'gold'), await ticketHolding(key, 'gold')];
    const bronze = await ticketHolding(key, 'bronze');
    await expect(
      asAdmin.ticketField.update({ fieldId: field.id, options: [{ value: 'silver', label: 'Silver' }] }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/^2 tickets hold "Gold", 1 ticket holds "Bronze" in "Tier"\. Choose where/),
    });
    // An answer for one option is not an answer for the other.
    await expect(
      asAdmin.ticketField.update({
        fieldId: field.id,
        options: [{ value: 'silver', label: 'Silver' }],
        removedOptions: [{ value: 'gold', tickets: { action: 'clear' } }],
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/^1 ticket holds "Bronze" in "Tier"/) });
    expect((await storedField(field.id)).options).toEqual(tiers);
    for (const t of golds) expect((await stored(t.id)).customFields[key]).toBe('gold');
    expect((await stored(bronze.id)).customFields[key]).toBe('bronze');
    expect(await removals(bronze.id)).toEqual([]);
  });

  it('moves the tickets to a kept option or clears the value, with activity, together with the field', async () => {
    const { key, field } = await newTierField();
    const golds = [await ticketHolding(key, 'gold'), await ticketHolding(key, 'gold')];
    const bronze = await ticketHolding(key, 'bronze');
    const silver = await ticketHolding(key, 'silver');
    const updated = await asAdmin.ticketField.update({
      fieldId: field.id,
      label: 'Plan',
      options: [
        { value: 'silver', label: 'Silver' },
        { value: 'platinum', label: 'Platinum' },
      ],
      removedOptions: [
        { value: 'gold', tickets: { action: 'reassign', value: 'platinum' } },
        { value: 'bronze', tickets: { action: 'clear' } },
      ],
    });
    expect(updated.options.map((o) => o.value)).toEqual(['silver', 'platinum']);
    for (const t of golds) {
      expect((await stored(t.id)).customFields[key]).toBe('platinum');
      expect(await removals(t.id)).toEqual(['Option "Gold" of "Plan" was removed; moved to "Platinum"']);
    }
    expect((await stored(bronze.id)).customFields).not.toHaveProperty(key);
    expect(await removals(bronze.id)).toEqual(['Option "Bronze" of "Plan" was removed; value cleared']);
    expect((await stored(silver.id)).customFields[key]).toBe('silver');
    expect(await removals(silver.id)).toEqual([]);
    expect(await asAdmin.ticketField.usage()).not.toContainEqual(expect.objectContaining({ key, value: 'gold' }));
  });

  it('refuses an answer that moves tickets off the kept options, or is not about a removed option; nothing changes', async () => {
    const { key, field } = await newTierField();
    const gold = await ticketHolding(key, 'gold');
    const bronze = await ticketHolding(key, 'bronze');
    const before = [await stored(gold.id), await stored(bronze.id)];
    const kept = [{ value: 'silver', label: 'Silver' }];
    const attempt = (
      removedOptions: { value: string; tickets: { action: 'reassign'; value: string } | { action: 'clear' } }[],
    ) => asAdmin.ticketField.update({ fieldId: field.id, label: 'Renamed', options: kept, removedOptions });

    await expect(
      attempt([
        { value: 'bronze', tickets: { action: 'clear' } },
        { value: 'gold', tickets: { action: 'reassign', value: 'bronze' } },
      ]),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'Move the tickets of "gold" to an option "Renamed" keeps ("Silver"), or clear the value.',
    });
    await expect(
      attempt([
        { value: 'bronze', tickets: { action: 'clear' } },
        { value: 'gold', tickets: { action: 'reassign', value: 'diamond' } },
      ]),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('to an option "Renamed" keeps') });
    await expect(
      attempt([
        { value: 'bronze', tickets: { action: 'clear' } },
        { value: 'gold', tickets: { action: 'clear' } },
        { value: 'silver', tickets: { action: 'clear' } },
      ]),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'The option "silver" of "Renamed" is kept, so its tickets stay as they are. Drop that answer.',
    });
    await expect(
      attempt([
        { value: 'gold', tickets: { action: 'clear' } },
        { value: 'gold', tickets: { action: 'reassign', value: 'silver' } },
        { value: 'bronze', tickets: { action: 'clear' } },
      ]),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('Say once what happens to the tickets of each removed option.'),
    });

    expect(await storedField(field.id)).toMatchObject({ label: 'Tier', options: tiers });
    expect([await stored(gold.id), await stored(bronze.id)]).toEqual(before);
    expect(await removals(gold.id)).toEqual([]);
    expect(await removals(bronze.id)).toEqual([]);
  });
});

describe('required on solve', () => {
  it('refuses to solve until the field holds a value, whoever solves, and changes nothing meanwhile', async () => {
    const key = `cause_${uniqueSuffix()}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
    const field = await asAdmin.ticketField.create({ key, label: 'Root cause', type: 'text', requiredOnSolve: true });
    const ticket = await newTicket();
    const before = await stored(ticket.id);
    await expect(asAgent.ticket.updateStatus({ ticketId: ticket.id, status: 'solved' })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: 'Fill in "Root cause" before solving this ticket.',
    });
    const solveMacro = await asAdmin.macro.save({ name: `Solve ${uniqueSuffix()}`, actions: { status: 'solved' } });
    await expect(asAgent.macro.applyToTicket({ macroId: solveMacro.id, ticketId: ticket.id })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
    });
    expect(await stored(ticket.id)).toEqual(before);

    await asAgent.ticket.update({ ticketId: ticket.id, customFields: { [key]: 'Driver bug' } });
    await asAgent.ticket.updateStatus({ ticketId: ticket.id, status: 'solved' });
    expect((await stored(ticket.id)).status).toBe('solved');
    await asAdmin.ticketField.archive({ fieldId: field.id });
  });
});

import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { macros, savedViews, ticketMessages, tickets } from '@/server/db/schema';
import { runInTenant } from '@/server/db/tenant';
import { callerFor, errorShapeOf, type Caller } from '../helpers/caller';
import {
  addMember,
  createTestCustomer,
  createWorkspace,
  uniqueSuffix,
  type TestMember,
  type TestWorkspace,
} from '../helpers/factories';
import { createTestTicket } from '../helpers/ticket-factories';

// How a workspace sets up ticketing: categories, custom fields, saved views and macros.

let W: TestWorkspace;
let admin: TestMember;
let agent: TestMember;
let colleague: TestMember;
let asOwner: Caller;
let asAdmin: Caller;
let asAgent: Caller;
let asColleague: Caller;
let customer: { id: string; email: string; name: string };

beforeAll(async () => {
  W = await createWorkspace({ name: 'Acme Support' });
  admin = await addMember(W.id, 'admin');
  agent = await addMember(W.id, 'agent', { name: 'Alex Agent' });
  colleague = await addMember(W.id, 'agent');
  asOwner = callerFor({ userId: W.owner.userId, workspaceId: W.id });
  asAdmin = callerFor({ userId: admin.userId, workspaceId: W.id });
  asAgent = callerFor({ userId: agent.userId, workspaceId: W.id });
  asColleague = callerFor({ userId: colleague.userId, workspaceId: W.id });
  customer = await createTestCustomer(W.id, { name: 'Dana Doe' });
});

const newTicket = (subject = 'Printer offline') => createTestTicket(W.id, { requesterId: customer.id, subject });
const storedTicket = async (id: string) =>
  (await runInTenant(W.id, ({ db }) => db.select().from(tickets).where(eq(tickets.id, id))))[0]!;

describe('categories', () => {
  it('a new workspace starts with the default categories', async () => {
    expect((await asAgent.category.list()).map((c) => c.name)).toEqual([
      'General question',
      'Technical issue',
      'Billing question',
      'Feature request',
      'Bug report',
      'Other',
    ]);
  });

  it('admins add, rename, archive and restore; the portal shows active ones only', async () => {
    const name = `Shipping ${uniqueSuffix()}`;
    const created = await asAdmin.category.create({ name, color: '#112233' });
    expect(created).toMatchObject({ name, color: '#112233', icon: 'inbox', archivedAt: null });
    await expect(asAdmin.category.create({ name })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: `A category called "${name}" already exists.`,
    });

    const portal = callerFor({ portal: { tenantId: W.id, customerId: customer.id } });
    expect((await portal.portal.categories()).map((c) => c.id)).toContain(created.id);
    await asAdmin.category.update({ categoryId: created.id, archived: true });
    expect((await portal.portal.categories()).map((c) => c.id)).not.toContain(created.id);
    expect((await asAgent.category.list()).find((c) => c.id === created.id)?.archivedAt).toBeInstanceOf(Date);
    await expect(
      portal.portal.createTicket({ subject: 'Where is my parcel', body: 'Late', categoryId: created.id }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const restored = await asAdmin.category.update({
      categoryId: created.id,
      archived: false,
      name: `${name} & returns`,
    });
    expect(restored).toMatchObject({ archivedAt: null, name: `${name} & returns` });
  });

  it('refuses a colour that is not a hex code, with a message for the form field', async () => {
    const shape = await errorShapeOf(asAdmin.category.create({ name: 'Colourful', color: 'red' }));
    expect(shape?.data.fieldErrors).toMatchObject({ color: ['Use a colour like #0f766e.'] });
  });
});

describe('custom fields', () => {
  it('a select list needs at least one option, each value once', async () => {
    await expect(asAdmin.ticketField.create({ key: 'tier', label: 'Tier', type: 'select' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'Add at least one option to the "Tier" list.',
    });
    await expect(
      asAdmin.ticketField.create({
        key: 'tier',
        label: 'Tier',
        type: 'select',
        options: [
          { value: 'a', label: 'A' },
          { value: 'a', label: 'Also A' },
        ],
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('"a" appears twice') });
    const field = await asAdmin.ticketField.create({
      key: 'Tier',
      label: 'Tier',
      type: 'select',
      options: [{ value: 'gold', label: 'Gold' }],
    });
    expect(field).toMatchObject({
      key: 'tier',
      options: [{ value: 'gold', label: 'Gold' }],
      required: false,
      archivedAt: null,
    });
  });

  it('keys are unique, archived fields included', async () => {
    const key = `region_${uniqueSuffix()}`;
    const field = await asAdmin.ticketField.create({ key, label: 'Region', type: 'text' });
    await asAdmin.ticketField.archive({ fieldId: field.id });
    const shape = await errorShapeOf(asAdmin.ticketField.create({ key, label: 'Region again', type: 'text' }));
    expect(shape?.data).toMatchObject({ code: 'CONFLICT', field: 'key' });
    expect(shape?.message).toContain(`"${key}" already exists`);
  });

  it('options are dropped for fields that are not lists', async () => {
    const field = await asAdmin.ticketField.create({
      key: `notes_${uniqueSuffix()}`,
      label: 'Notes',
      type: 'text',
      options: [{ value: 'x', label: 'X' }],
    });
    expect(field.options).toEqual([]);
  });

  it('archiving hides a field from validation and keeps it in the list; archiving twice is harmless', async () => {
    const key = `legacy_${uniqueSuffix()}`;
    const field = await asAdmin.ticketField.create({ key, label: 'Legacy', type: 'text', required: true });
    await expect(
      asAgent.ticket.create({ subject: 'Needs legacy', body: 'x', requester: { customerId: customer.id } }),
    ).rejects.toMatchObject({ message: expect.stringContaining('Legacy is required.') });
    const archived = await asAdmin.ticketField.archive({ fieldId: field.id });
    expect(archived.archivedAt).toBeInstanceOf(Date);
    expect((await asAdmin.ticketField.archive({ fieldId: field.id })).archivedAt).toEqual(archived.archivedAt);
    expect((await asAgent.ticketField.list()).find((f) => f.id === field.id)?.archivedAt).toBeInstanceOf(Date);
    await expect(
      asAgent.ticket.create({ subject: 'No legacy now', body: 'x', requester: { customerId: customer.id } }),
    ).resolves.toHaveProperty('id');
    await expect(
      asAgent.ticket.create({
        subject: 'Legacy value',
        body: 'x',
        requester: { customerId: customer.id },
        customFields: { [key]: 'v' },
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});

describe('saved views', () => {
  it('agents save personal views that only they see, and lists apply their filters and sort', async () => {
    const urgent = await newTicket('Urgent outage');
    await asAgent.ticket.update({ ticketId: urgent.id, priority: 'urgent', tags: ['outage'] });
    const view = await asAgent.savedView.create({
      name: 'Urgent outages',
      filters: { priorities: ['urgent'], tags: ['outage'] },
      sort: 'created_asc',
    });
    expect(view).toMatchObject({ shared: false, ownerUserId: agent.userId });
    expect((await asAgent.savedView.list()).map((v) => v.id)).toContain(view.id);
    expect((await asColleague.savedView.list()).map((v) => v.id)).not.toContain(view.id);
    expect((await asAgent.ticket.list({ savedViewId: view.id })).items.map((t) => t.id)).toEqual([urgent.id]);
    await expect(asColleague.ticket.list({ savedViewId: view.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('keeps date filters working after they are stored', async () => {
    const ticket = await newTicket('Dated');
    const view = await asAgent.savedView.create({
      name: `Since yesterday ${uniqueSuffix()}`,
      filters: { createdFrom: new Date(Date.now() - 86_400_000), statuses: ['new'] },
    });
    expect((await asAgent.ticket.list({ savedViewId: view.id, limit: 100 })).items.map((t) => t.id)).toContain(
      ticket.id,
    );
  });

  it('only admins share views; an agent asking to share is refused and nothing is saved', async () => {
    const name = `Team queue ${uniqueSuffix()}`;
    await expect(asAgent.savedView.create({ name, filters: {}, shared: true })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('Save it as a personal view'),
    });
    expect(await runInTenant(W.id, ({ db }) => db.select().from(savedViews).where(eq(savedViews.name, name)))).toEqual(
      [],
    );
    const shared = await asAdmin.savedView.create({ name, filters: { statuses: ['open'] }, shared: true });
    expect(shared).toMatchObject({ shared: true, ownerUserId: null });
    expect((await asColleague.savedView.list()).map((v) => v.id)).toContain(shared.id);
  });

  it('owners delete their own views; shared ones need an admin; others’ personal views are not found', async () => {
    const mine = await asAgent.savedView.create({ name: 'Mine', filters: {} });
    const shared = await asAdmin.savedView.create({ name: 'Everyone', filters: {}, shared: true });
    await expect(asColleague.savedView.delete({ savedViewId: mine.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(asAgent.savedView.delete({ savedViewId: shared.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(asAgent.savedView.delete({ savedViewId: mine.id })).resolves.toEqual({ id: mine.id });
    await expect(asOwner.savedView.delete({ savedViewId: shared.id })).resolves.toEqual({ id: shared.id });
    const other = await asColleague.savedView.create({ name: 'Colleague’s', filters: {} });
    await expect(asAdmin.savedView.delete({ savedViewId: other.id })).resolves.toEqual({ id: other.id });
    expect((await asColleague.savedView.list()).map((v) => v.id)).not.toContain(other.id);
  });
});

describe('macros', () => {
  it('applying one changes the ticket, records it, and returns the rendered body without sending it', async () => {
    const ticket = await newTicket('Export fails on Safari');
    await asAgent.ticket.update({ ticketId: ticket.id, tags: ['browser', 'triage'] });
    const macro = await asAdmin.macro.save({
      name: `Ask for details ${uniqueSuffix()}`,
      body: 'Hi {{customer.name}} ({{ customer.email }}), about {{ticket.number}} "{{ticket.subject}}" (now {{ticket.status}}): {{agent.name}} from {{workspace.name}} needs a screenshot. {{ticket.eta}}',
      actions: {
        status: 'pending',
        priority: 'high',
        addTags: ['needs-info'],
        removeTags: ['triage'],
        assigneeId: agent.userId,
      },
    });
    expect(macro.shared).toBe(true);
    const before = await storedTicket(ticket.id);
    const result = await asAgent.macro.applyToTicket({ macroId: macro.id, ticketId: ticket.id });
    expect(result.kind).toBe('reply');
    expect(result.body).toBe(
      `Hi Dana Doe (${customer.email}), about ${ticket.displayNumber} "Export fails on Safari" (now Pending): Alex Agent from Acme Support needs a screenshot. {{ticket.eta}}`,
    );
    expect(result.ticket).toMatchObject({
      id: ticket.id,
      status: 'pending',
      priority: 'high',
      assigneeId: agent.userId,
      tags: ['browser', 'needs-info'],
    });
    const after = await storedTicket(ticket.id);
    expect(after.messageCount).toBe(before.messageCount);
    expect(
      await runInTenant(W.id, ({ db }) =>
        db.select().from(ticketMessages).where(eq(ticketMessages.ticketId, ticket.id)),
      ),
    ).toHaveLength(1);
    const { activities } = await asAgent.ticket.get({ ticketId: ticket.id });
    expect(activities.at(-1)).toMatchObject({
      action: 'macro_applied',
      reason: `Macro "${macro.name}"`,
      changes: { status: { from: 'new', to: 'pending' }, priority: { from: 'normal', to: 'high' } },
    });
  });

  it('a note macro says so, and one without actions leaves the ticket alone', async () => {
    const ticket = await newTicket();
    const macro = await asAgent.macro.save({
      name: `Internal ${uniqueSuffix()}`,
      body: 'Checked logs for {{ticket.number}}.',
      kind: 'note',
      visibility: 'personal',
    });
    const before = await storedTicket(ticket.id);
    const result = await asAgent.macro.applyToTicket({ macroId: macro.id, ticketId: ticket.id });
    expect(result).toMatchObject({ kind: 'note', body: `Checked logs for ${ticket.displayNumber}.` });
    expect(await storedTicket(ticket.id)).toEqual(before);
  });

  it('refuses a closed ticket, and a move the ticket cannot make, changing nothing', async () => {
    const macro = await asAdmin.macro.save({
      name: `Set pending ${uniqueSuffix()}`,
      body: 'x',
      actions: { status: 'pending', priority: 'urgent' },
    });
    const closed = await newTicket();
    await asAgent.ticket.updateStatus({ ticketId: closed.id, status: 'closed' });
    await expect(asAgent.macro.applyToTicket({ macroId: macro.id, ticketId: closed.id })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: expect.stringContaining('closed'),
    });
    const solved = await newTicket();
    await asAgent.ticket.updateStatus({ ticketId: solved.id, status: 'solved' });
    const before = await storedTicket(solved.id);
    await expect(asAgent.macro.applyToTicket({ macroId: macro.id, ticketId: solved.id })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: 'A solved ticket cannot be set to pending.',
    });
    expect(await storedTicket(solved.id)).toEqual(before);
  });

  it('an agent keeps personal macros; sharing and changing shared ones is for admins', async () => {
    const name = `Personal ${uniqueSuffix()}`;
    const personal = await asAgent.macro.save({ name, body: 'v1', visibility: 'personal' });
    expect(personal).toMatchObject({ visibility: 'personal', ownerUserId: agent.userId });
    expect((await asAgent.macro.save({ macroId: personal.id, name, body: 'v2', visibility: 'personal' })).body).toBe(
      'v2',
    );
    expect((await asColleague.macro.list()).map((m) => m.id)).not.toContain(personal.id);
    await expect(
      asColleague.macro.applyToTicket({ macroId: personal.id, ticketId: (await newTicket()).id }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });

    await expect(asAgent.macro.save({ name: `Shared ${uniqueSuffix()}`, body: 'x' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('personal macro'),
    });
    await expect(
      asAgent.macro.save({ macroId: personal.id, name, body: 'v3', visibility: 'everyone' }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const shared = await asAdmin.macro.save({ name: `Shared ${uniqueSuffix()}`, body: 'x' });
    await expect(
      asAgent.macro.save({ macroId: shared.id, name: shared.name, body: 'changed', visibility: 'personal' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(asAgent.macro.delete({ macroId: shared.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(asColleague.macro.delete({ macroId: personal.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(
      await runInTenant(W.id, ({ db }) =>
        db.select({ body: macros.body }).from(macros).where(eq(macros.id, shared.id)),
      ),
    ).toEqual([{ body: 'x' }]);

    await expect(asAdmin.macro.delete({ macroId: personal.id })).resolves.toEqual({ id: personal.id });
    await expect(asAdmin.macro.delete({ macroId: shared.id })).resolves.toEqual({ id: shared.id });
  });

  it('names are unique in the workspace', async () => {
    const name = `Thanks ${uniqueSuffix()}`;
    await asAdmin.macro.save({ name, body: 'Thanks!' });
    const shape = await errorShapeOf(asAgent.macro.save({ name, body: 'Thank you!', visibility: 'personal' }));
    expect(shape?.data).toMatchObject({ code: 'CONFLICT', field: 'name' });
  });

  it('an assignee who left the workspace is refused at save and at apply', async () => {
    const leaver = await addMember(W.id, 'agent');
    const macro = await asAdmin.macro.save({
      name: `To leaver ${uniqueSuffix()}`,
      body: 'x',
      actions: { assigneeId: leaver.userId },
    });
    await asOwner.member.remove({ membershipId: leaver.membershipId });
    const ticket = await newTicket();
    await expect(asAgent.macro.applyToTicket({ macroId: macro.id, ticketId: ticket.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('assignee'),
    });
    await expect(
      asAdmin.macro.save({ name: `Again ${uniqueSuffix()}`, body: 'x', actions: { assigneeId: leaver.userId } }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await storedTicket(ticket.id)).assigneeId).toBeNull();
  });
});

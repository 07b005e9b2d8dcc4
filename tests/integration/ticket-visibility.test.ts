import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { ticketMessages, tickets } from '@/server/db/schema';
import { runInTenant } from '@/server/db/tenant';
import { readAttachment } from '@/server/services/ticket/attachment-access';
import { callerFor, type Caller } from '../helpers/caller';
import {
  addMember,
  createTestCustomer,
  createWorkspace,
  type TestMember,
  type TestWorkspace,
} from '../helpers/factories';
import { uploadTestAttachment } from '../helpers/ticket-factories';

// What a customer can see of a ticket, and what a read-only staff member can do with it.

let W: TestWorkspace;
let agent: TestMember;
let viewer: TestMember;
let asAgent: Caller;
let dana: { id: string };
let eve: { id: string };
let asDana: Caller;
let asEve: Caller;
/** Dana's ticket with a public reply, an internal note (with a file) and a merge event in its thread. */
let ticketId: string;
let mergedSourceId: string;
let noteFileId: string;
let replyFileId: string;
let eveTicketId: string;

const SECRET = 'customer is on the fraud watch list';

/** Every key of a value, at any depth. */
function allKeys(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(allKeys);
  if (value && typeof value === 'object' && !(value instanceof Date))
    return Object.entries(value).flatMap(([k, v]) => [k, ...allKeys(v)]);
  return [];
}

beforeAll(async () => {
  W = await createWorkspace();
  agent = await addMember(W.id, 'agent', { name: 'Alex Agentson' });
  viewer = await addMember(W.id, 'viewer');
  asAgent = callerFor({ userId: agent.userId, workspaceId: W.id });
  dana = await createTestCustomer(W.id, { name: 'Dana' });
  eve = await createTestCustomer(W.id, { name: 'Eve' });
  asDana = callerFor({ portal: { tenantId: W.id, customerId: dana.id } });
  asEve = callerFor({ portal: { tenantId: W.id, customerId: eve.id } });

  ticketId = (await asDana.portal.createTicket({ subject: 'Refund for order 1234', body: 'I was charged twice.' })).id;
  const noteFile = await uploadTestAttachment(W.id, { type: 'agent', userId: agent.userId }, 'ledger.png');
  const replyFile = await uploadTestAttachment(W.id, { type: 'agent', userId: agent.userId }, 'receipt.png');
  noteFileId = noteFile.id;
  replyFileId = replyFile.id;
  await asAgent.ticket.reply({ ticketId, body: SECRET, kind: 'note', attachmentIds: [noteFile.id] });
  await asAgent.ticket.reply({ ticketId, body: 'Refund issued, see the receipt.', attachmentIds: [replyFile.id] });
  mergedSourceId = (
    await asDana.portal.createTicket({ subject: 'Refund for order 1234 again', body: 'Still charged twice.' })
  ).id;
  await asAgent.ticket.merge({ sourceTicketId: mergedSourceId, targetTicketId: ticketId, note: 'same refund' });
  eveTicketId = (await asEve.portal.createTicket({ subject: 'Eve’s own problem', body: 'Mine, not Dana’s.' })).id;
});

describe('the customer’s view of a ticket', () => {
  it('shows public replies only: no internal notes, no system events', async () => {
    const view = await asDana.portal.ticket({ ticketId });
    expect(view.messages.map((m) => m.body)).toEqual([
      'I was charged twice.',
      'Refund issued, see the receipt.',
      'Still charged twice.',
    ]);
    expect(view.messages.map((m) => m.authorType)).toEqual(['customer', 'agent', 'customer']);
    const raw = JSON.stringify(view);
    expect(raw).not.toContain(SECRET);
    expect(raw).not.toContain('was merged into this ticket');
    expect(raw).not.toContain('same refund');
    // The stored thread really holds the note and the system message the customer must not see.
    const kinds = (
      await runInTenant(W.id, ({ db }) =>
        db.select({ kind: ticketMessages.kind }).from(ticketMessages).where(eq(ticketMessages.ticketId, ticketId)),
      )
    ).map((m) => m.kind);
    expect(kinds).toEqual(expect.arrayContaining(['note', 'system']));
  });

  it('has no agent-only fields anywhere in the response', async () => {
    const keys = allKeys(await asDana.portal.ticket({ ticketId }));
    for (const forbidden of [
      'kind',
      'note',
      'notes',
      'assignee',
      'assigneeId',
      'tags',
      'customFields',
      'timeSpentMinutes',
      'requesterId',
      'activities',
      'email',
    ]) {
      expect(keys, forbidden).not.toContain(forbidden);
    }
  });

  it('names agents by their first name only', async () => {
    const view = await asDana.portal.ticket({ ticketId });
    expect(view.messages.find((m) => m.authorType === 'agent')?.authorName).toBe('Alex');
  });

  it('lists files of public replies only, and serves only those', async () => {
    const view = await asDana.portal.ticket({ ticketId });
    expect(view.messages.flatMap((m) => m.attachments.map((a) => a.id))).toEqual([replyFileId]);
    const customerActor = { type: 'customer' as const, customerId: dana.id };
    await expect(
      runInTenant(W.id, (scope) => readAttachment(scope, replyFileId, customerActor)),
    ).resolves.toMatchObject({ filename: 'receipt.png' });
    await expect(runInTenant(W.id, (scope) => readAttachment(scope, noteFileId, customerActor))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      runInTenant(W.id, (scope) => readAttachment(scope, replyFileId, { type: 'customer', customerId: eve.id })),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('the agent sees the whole thread, notes and system events included', async () => {
    const detail = await asAgent.ticket.get({ ticketId });
    expect(detail.messages.map((m) => m.kind)).toEqual(expect.arrayContaining(['reply', 'note', 'system']));
    expect(detail.messages.find((m) => m.kind === 'note')?.body).toBe(SECRET);
  });
});

describe('another customer', () => {
  it('gets NOT_FOUND for the ticket, its replies and closing it, and changes nothing', async () => {
    const [before] = await runInTenant(W.id, ({ db }) => db.select().from(tickets).where(eq(tickets.id, ticketId)));
    await expect(asEve.portal.ticket({ ticketId })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'The request was not found in this workspace.',
    });
    await expect(asEve.portal.reply({ ticketId, body: 'Let me in' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(asEve.portal.close({ ticketId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const [after] = await runInTenant(W.id, ({ db }) => db.select().from(tickets).where(eq(tickets.id, ticketId)));
    expect(after).toEqual(before);
  });

  it('portal.tickets lists only the caller’s own tickets, without merged ones', async () => {
    const danas = (await asDana.portal.tickets({})).items.map((t) => t.id);
    expect(danas).toEqual([ticketId]);
    expect((await asEve.portal.tickets({})).items.map((t) => t.id)).toEqual([eveTicketId]);
    expect(danas).not.toContain(mergedSourceId);
  });

  it('portal.tickets filters open and solved requests', async () => {
    const id = (await asEve.portal.createTicket({ subject: 'Solved soon', body: 'Quick one.' })).id;
    await asAgent.ticket.updateStatus({ ticketId: id, status: 'solved' });
    expect((await asEve.portal.tickets({ status: 'solved' })).items.map((t) => t.id)).toEqual([id]);
    expect((await asEve.portal.tickets({ status: 'open' })).items.map((t) => t.id)).toEqual([eveTicketId]);
  });
});

describe('a session from one ticket’s signed link', () => {
  it('reaches that ticket only: other requests of the same customer answer NOT_FOUND, filing needs a full sign-in', async () => {
    const other = (await asDana.portal.createTicket({ subject: 'A second request', body: 'Unrelated.' })).id;
    const viaLink = callerFor({ portal: { tenantId: W.id, customerId: dana.id, ticketId } });
    await expect(viaLink.portal.ticket({ ticketId })).resolves.toMatchObject({ ticket: { id: ticketId } });
    expect((await viaLink.portal.tickets({})).items.map((t) => t.id)).toEqual([ticketId]);
    await expect(viaLink.portal.ticket({ ticketId: other })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(viaLink.portal.reply({ ticketId: other, body: 'Through the link' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(viaLink.portal.close({ ticketId: other })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(viaLink.portal.createTicket({ subject: 'New via link', body: 'x' })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
    const [row] = await runInTenant(W.id, ({ db }) => db.select().from(tickets).where(eq(tickets.id, other)));
    expect(row).toMatchObject({ status: 'new', messageCount: 1 });
    await expect(viaLink.portal.reply({ ticketId, body: 'Replying from the email link' })).resolves.toHaveProperty(
      'messageId',
    );
  });
});

describe('a viewer', () => {
  it('reads lists and tickets, notes included', async () => {
    const asViewer = callerFor({ userId: viewer.userId, workspaceId: W.id });
    expect((await asViewer.ticket.list({ view: 'all_open' })).items.map((t) => t.id)).toContain(ticketId);
    expect((await asViewer.ticket.get({ ticketId })).messages.length).toBeGreaterThan(3);
  });

  it('cannot reply, add notes, change or file tickets; nothing is stored', async () => {
    const asViewer = callerFor({ userId: viewer.userId, workspaceId: W.id });
    const [before] = await runInTenant(W.id, ({ db }) => db.select().from(tickets).where(eq(tickets.id, ticketId)));
    const forbidden = { code: 'FORBIDDEN', message: 'Only agents and admins can do this. Ask a workspace admin.' };
    await expect(asViewer.ticket.reply({ ticketId, body: 'From a viewer' })).rejects.toMatchObject(forbidden);
    await expect(asViewer.ticket.reply({ ticketId, body: 'Viewer note', kind: 'note' })).rejects.toMatchObject(
      forbidden,
    );
    await expect(asViewer.ticket.updateStatus({ ticketId, status: 'pending' })).rejects.toMatchObject(forbidden);
    await expect(
      asViewer.ticket.create({ subject: 'From a viewer', body: 'x', requester: { customerId: dana.id } }),
    ).rejects.toMatchObject(forbidden);
    const [after] = await runInTenant(W.id, ({ db }) => db.select().from(tickets).where(eq(tickets.id, ticketId)));
    expect(after).toEqual(before);
  });
});

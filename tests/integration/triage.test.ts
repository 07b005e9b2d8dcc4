import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { processTriageTrain, processTriageTrainAll } from '@/jobs/processors/triage-train';
import { ticketActivities, ticketMessages, tickets } from '@/server/db/schema';
import { runInTenant } from '@/server/db/tenant';
import { dispatchEvents } from '../helpers/assignment';
import { callerFor, type Caller } from '../helpers/caller';
import { addMember, createWorkspace, type TestMember, type TestWorkspace } from '../helpers/factories';
import { createTestArticle } from '../helpers/help-factories';
import { createTestCategory, createTestTicket } from '../helpers/ticket-factories';

// Triage from the desk's own solved tickets (trained by the worker's job, suggested by the ticket.created
// consumer, accepted by the agent) and the knowledge-base note on new tickets.

let ws: TestWorkspace;
let agent: TestMember;
let asAgent: Caller;
let asAdmin: Caller;
let billing: { id: string; name: string };
let shipping: { id: string; name: string };

const BILLING = [
  'Refund my invoice, I was charged twice this month',
  'The invoice shows the wrong VAT amount',
  'My card was charged but the subscription is not active',
  'Please refund the duplicate charge on my invoice',
  'Billing address on the invoice is wrong, VAT number missing',
  'Charged twice for the annual plan, need a refund',
  'Invoice download fails and the VAT is wrong',
  'Refund request for an accidental charge',
];
const SHIPPING = [
  'My parcel never arrived and tracking is stuck',
  'The courier lost my parcel, delivery is late',
  'Tracking number does not work for my delivery',
  'Delivery address change for my parcel',
  'Parcel arrived damaged, courier left it outside',
  'Late delivery, tracking shows no movement',
  'Courier says the parcel was delivered but it was not',
];

async function solvedTicket(subject: string, categoryId: string, priority: 'high' | 'low') {
  const ticket = await createTestTicket(ws.id, { subject, categoryId, priority, assigneeId: agent.userId });
  await asAgent.ticket.updateStatus({ ticketId: ticket.id, status: 'solved' });
}

beforeAll(async () => {
  ws = await createWorkspace({ name: 'Triage Desk' });
  agent = await addMember(ws.id, 'agent');
  asAgent = callerFor({ userId: agent.userId, workspaceId: ws.id });
  asAdmin = callerFor({ userId: ws.owner.userId, workspaceId: ws.id });
  billing = await createTestCategory(ws.id, { name: 'Billing' });
  shipping = await createTestCategory(ws.id, { name: 'Shipping' });
  for (const subject of BILLING) await solvedTicket(subject, billing.id, 'high');
  for (const subject of SHIPPING) await solvedTicket(subject, shipping.id, 'low');
  // Not solved: never learnt from.
  await createTestTicket(ws.id, { subject: 'Refund invoice charged', categoryId: shipping.id, priority: 'low' });
});

/** A new ticket with its ticket.created event handed to one consumer, as the worker does. */
async function newTicket(subject: string, consumer: string) {
  const ticket = await createTestTicket(ws.id, { subject, body: subject });
  await dispatchEvents(ws.id, ticket.id, 'ticket.created', [consumer]);
  return ticket;
}

describe('triage classifier', () => {
  it('trains on solved tickets only and shows the accuracy on the held-back fifth', async () => {
    await expect(processTriageTrain({ tenantId: ws.id })).resolves.toEqual({
      trainedOn: 15,
      heldBack: 3,
      categoryAccuracy: 1,
      priorityAccuracy: 1,
    });
    expect(await asAdmin.triage.settings()).toMatchObject({
      trainedOn: 15,
      heldBack: 3,
      categoryAccuracy: 1,
      priorityAccuracy: 1,
      threshold: 0.6,
      trainedAt: expect.any(Date),
    });
  });

  it('suggests category and priority above the threshold; the agent accepts through the one committer', async () => {
    const ticket = await newTicket('I was charged twice, please refund the invoice', 'triage-suggestion');
    const suggestion = await asAgent.triage.suggestion({ ticketId: ticket.id });
    expect(suggestion).toMatchObject({
      category: { id: billing.id, name: 'Billing', confidence: expect.any(Number) },
      priority: { value: 'high', confidence: expect.any(Number) },
    });
    expect(suggestion!.category!.confidence).toBeGreaterThanOrEqual(0.6);
    // Suggested, not applied.
    const [before] = await runInTenant(ws.id, ({ db }) => db.select().from(tickets).where(eq(tickets.id, ticket.id)));
    expect(before).toMatchObject({ categoryId: null, priority: 'normal' });

    await expect(asAgent.triage.accept({ ticketId: ticket.id, priority: false })).resolves.toMatchObject({
      categoryId: billing.id,
      priority: 'normal',
    });
    const [entry] = await runInTenant(ws.id, ({ db }) =>
      db
        .select()
        .from(ticketActivities)
        .where(
          and(eq(ticketActivities.ticketId, ticket.id), eq(ticketActivities.reason, 'Triage suggestion accepted')),
        ),
    );
    expect(entry).toMatchObject({ actorType: 'agent', actorUserId: agent.userId });
    expect(entry!.changes).toEqual({ categoryId: { from: null, to: billing.id } });
    expect(await asAgent.triage.suggestion({ ticketId: ticket.id })).toBeNull();
    await expect(asAgent.triage.accept({ ticketId: ticket.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('a dismissed suggestion goes away and changes nothing', async () => {
    const ticket = await newTicket('Parcel tracking stuck, courier late', 'triage-suggestion');
    expect(await asAgent.triage.suggestion({ ticketId: ticket.id })).toMatchObject({ category: { id: shipping.id } });
    await asAgent.triage.dismiss({ ticketId: ticket.id });
    expect(await asAgent.triage.suggestion({ ticketId: ticket.id })).toBeNull();
    const [row] = await runInTenant(ws.id, ({ db }) => db.select().from(tickets).where(eq(tickets.id, ticket.id)));
    expect(row).toMatchObject({ categoryId: null, priority: 'normal' });
  });

  it('below the admin’s threshold nothing is suggested; a bad threshold says what to use', async () => {
    await expect(asAdmin.triage.updateSettings({ threshold: 1.5, kbNoteEnabled: true })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/between 30% and 99%/),
    });
    await asAdmin.triage.updateSettings({ threshold: 0.99, kbNoteEnabled: true });
    const ticket = await newTicket('Invoice for the parcel delivery', 'triage-suggestion');
    expect(await asAgent.triage.suggestion({ ticketId: ticket.id })).toBeNull();
    await asAdmin.triage.updateSettings({ threshold: 0.6, kbNoteEnabled: true });
  });

  it('"Retrain now" is recorded, and the nightly run trains and clears it', async () => {
    const requested = await asAdmin.triage.retrain();
    expect(requested.trainRequestedAt).toBeInstanceOf(Date);
    await expect(asAgent.triage.retrain()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await processTriageTrainAll();
    const after = await asAdmin.triage.settings();
    expect(after.trainRequestedAt).toBeNull();
    expect(after.trainedAt!.getTime()).toBeGreaterThanOrEqual(requested.trainRequestedAt!.getTime());
  });
});

describe('knowledge-base note', () => {
  it('adds the matching help-center articles as an internal note with links; off means no note', async () => {
    const article = await createTestArticle(ws.id, ws.owner, {
      title: 'How to reset a forgotten password',
      body: 'Open the sign-in page and choose "Forgot password" to reset it.',
    });
    const ticket = await newTicket('I forgot my password and cannot reset it', 'article-suggestions');
    const notes = await runInTenant(ws.id, ({ db }) =>
      db
        .select()
        .from(ticketMessages)
        .where(and(eq(ticketMessages.ticketId, ticket.id), eq(ticketMessages.kind, 'note'))),
    );
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ authorType: 'system', authorUserId: null });
    expect(notes[0]!.body).toContain(`${article.title}: `);
    expect(notes[0]!.body).toContain(`/${ws.slug}/help/articles/${article.slug}`);

    await asAdmin.triage.updateSettings({ threshold: 0.6, kbNoteEnabled: false });
    const quiet = await newTicket('I forgot my password again', 'article-suggestions');
    const none = await runInTenant(ws.id, ({ db }) =>
      db
        .select()
        .from(ticketMessages)
        .where(and(eq(ticketMessages.ticketId, quiet.id), eq(ticketMessages.kind, 'note'))),
    );
    expect(none).toHaveLength(0);
  });
});

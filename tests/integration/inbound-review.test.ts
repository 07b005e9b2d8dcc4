import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { INBOUND_STORM_LIMIT } from '@/lib/constants/inbound';
import { customers, inboundMessages, ticketMessages, ticketParticipants, tickets } from '@/server/db/schema';
import { runInTenant } from '@/server/db/tenant';
import { processInboundMessage } from '@/server/services/inbound/process-inbound-message';
import { seedDemoInbound } from '@/server/services/inbound/seed-demo-inbound';
import { storeInboundMessage } from '@/server/services/inbound/store-inbound-message';
import { splitQuotedHistory } from '@/lib/utils/mail-body';
import { callerFor, type Caller } from '../helpers/caller';
import { createWorkspace, uniqueEmail, uniqueSuffix, type TestWorkspace } from '../helpers/factories';
import { fixture, inboundRow, offlineResolver, storeAndProcess, ticketWithMail } from '../helpers/inbound-mail';
import { dispatchPendingEvents, ticketMailRows } from '../helpers/notification-mail';

// Issue 11, what the admin decides and what the pipeline holds back: the channel page's lists and actions
// (through the real router), the trusted authserv-id, CC participants, bouncing addresses and the storm
// limit. Every outcome is read back from the database; nothing of ours is mocked.

let A: TestWorkspace;
let asA: Caller;
const RUN = uniqueSuffix();

/** The address a workspace's mail comes from: never a participant, never ingested. */
const ownAddress = () => asA.inboundChannel.settings().then((s) => s.supportAddress);

const participantsOf = (ticketId: string) =>
  runInTenant(A.id, ({ db }) =>
    db
      .select({ email: customers.email })
      .from(ticketParticipants)
      .innerJoin(customers, eq(customers.id, ticketParticipants.customerId))
      .where(eq(ticketParticipants.ticketId, ticketId)),
  );

beforeAll(async () => {
  A = await createWorkspace();
  asA = callerFor({ userId: A.owner.userId, workspaceId: A.id });
});

describe('the channel page', () => {
  it('shows the support address and the Reply-To form; saves the authserv-id and refuses a bad one with a 400', async () => {
    const settings = await asA.inboundChannel.settings();
    expect(settings.replyToPattern).toBe(settings.supportAddress.replace('@', '+<ticket token>@'));
    expect(settings.authservId).toBeNull();
    await expect(asA.inboundChannel.saveAuthservId({ authservId: 'mx acme; dmarc=pass' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect(await asA.inboundChannel.saveAuthservId({ authservId: 'MX.Acme.Test' })).toEqual({
      authservId: 'mx.acme.test',
    });
    // The secret is still unset: a row made for the authserv-id opens no endpoint.
    expect(await asA.inboundChannel.secretStatus()).toEqual({ configured: false, rotatedAt: null });
  });

  it('lists the last messages with their outcome; an unprocessed one is retried, another discarded', async () => {
    const sender = uniqueEmail('listed');
    const ok = await storeAndProcess(A.id, fixture('new-request.eml', { SENDER: sender, RUN: `list-${RUN}` }));
    const bad = await storeAndProcess(A.id, fixture('garbage.eml', { RUN: `retry-${RUN}` }));
    const worse = await storeAndProcess(A.id, fixture('garbage.eml', { RUN: `discard-${RUN}` }));
    expect(bad.status).toBe('failed');

    const recent = await asA.inboundChannel.messages({ view: 'recent' });
    expect(recent.find((m) => m.id === ok.id)).toMatchObject({ status: 'processed', outcome: 'new_ticket', sender });
    expect(recent.find((m) => m.id === ok.id)?.ticketNumber).toEqual(expect.any(Number));
    expect(recent.length).toBeLessThanOrEqual(50);
    expect(JSON.stringify(recent)).not.toContain('"raw"');
    const unprocessed = await asA.inboundChannel.messages({ view: 'unprocessed' });
    expect(unprocessed.map((m) => m.id)).toEqual(expect.arrayContaining([bad.id, worse.id]));
    expect(unprocessed.every((m) => m.status === 'failed')).toBe(true);

    expect(await asA.inboundChannel.review({ id: bad.id, action: 'retry' })).toEqual({ id: bad.id, status: 'pending' });
    // As the review's job does: queued `again`, so this process's memory of deciding it does not skip it.
    await processInboundMessage(A.id, bad.id, { resolver: offlineResolver, again: true });
    // Still garbage: failed again, with its reason, and back in the list; nothing lost.
    expect(await inboundRow(A.id, bad.id)).toMatchObject({ status: 'failed', outcome: expect.any(String) });

    await asA.inboundChannel.review({ id: worse.id, action: 'discard' });
    expect(await inboundRow(A.id, worse.id)).toMatchObject({ status: 'ignored', outcome: 'Discarded by an admin.' });
    expect((await asA.inboundChannel.messages({ view: 'unprocessed' })).map((m) => m.id)).not.toContain(worse.id);
    // Deciding twice, or with the wrong action for the list, changes nothing and says why.
    await expect(asA.inboundChannel.review({ id: worse.id, action: 'retry' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('Unprocessed mail'),
    });
    await expect(asA.inboundChannel.review({ id: ok.id, action: 'release' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await inboundRow(A.id, ok.id)).toMatchObject({ status: 'processed', outcome: 'new_ticket' });
  });

  it("the trusted server's DMARC fail quarantines (a forged pass below it does not count); release makes the ticket, delete keeps it out", async () => {
    await asA.inboundChannel.saveAuthservId({ authservId: 'mx.acme.test' });
    const vars = (run: string) => ({ SENDER: uniqueEmail('bank'), AUTHSERV: 'mx.acme.test', DMARC: 'fail', RUN: run });
    const held = await storeAndProcess(A.id, fixture('authserv-results.eml', vars(`release-${RUN}`)));
    const dropped = await storeAndProcess(A.id, fixture('authserv-results.eml', vars(`delete-${RUN}`)));
    expect(held).toMatchObject({ status: 'quarantined', outcome: 'The From address failed DMARC.', ticketId: null });

    const quarantined = await asA.inboundChannel.messages({ view: 'quarantined' });
    expect(quarantined.map((m) => m.id)).toEqual(expect.arrayContaining([held.id, dropped.id]));

    await asA.inboundChannel.review({ id: held.id, action: 'release' });
    await processInboundMessage(A.id, held.id, { resolver: offlineResolver, again: true });
    const released = await inboundRow(A.id, held.id);
    expect(released).toMatchObject({ status: 'processed', outcome: 'new_ticket', releasedAt: expect.any(Date) });
    expect(released.ticketId).not.toBeNull();

    await asA.inboundChannel.review({ id: dropped.id, action: 'delete' });
    expect(await inboundRow(A.id, dropped.id)).toMatchObject({
      status: 'ignored',
      outcome: 'Deleted from quarantine by an admin.',
      ticketId: null,
    });

    // Another server's name on the failing header: only the trusted one's (lower, pass) counts.
    const other = await storeAndProcess(
      A.id,
      fixture('authserv-results.eml', { ...vars(`other-${RUN}`), AUTHSERV: 'mx.forger.example' }),
    );
    expect(other).toMatchObject({ status: 'processed', outcome: 'new_ticket' });
    await asA.inboundChannel.saveAuthservId({ authservId: '' });
  });
});

describe('CC participants', () => {
  it('people in CC of the opening mail join (never the requester or our own address), reply as themselves and receive public replies', async () => {
    const sender = uniqueEmail('alice');
    const cc = uniqueEmail('carol');
    const opened = await storeAndProcess(
      A.id,
      fixture('cc-request.eml', { SENDER: sender, CC: cc, OWN: await ownAddress(), RUN }),
    );
    expect(opened).toMatchObject({ status: 'processed', outcome: 'new_ticket' });
    const ticketId = opened.ticketId!;
    expect(await participantsOf(ticketId)).toEqual([{ email: cc }]);
    const shown = await asA.ticket.get({ ticketId });
    expect(shown.mailContacts.participants.map((p) => p.email)).toEqual([cc]);

    const reply = await storeAndProcess(A.id, fixture('cc-reply.eml', { CC: cc, RUN }));
    expect(reply).toMatchObject({ status: 'processed', outcome: 'appended', ticketId });
    const [carolsMessage] = await runInTenant(A.id, ({ db }) =>
      db
        .select({ body: ticketMessages.body, email: customers.email })
        .from(ticketMessages)
        .innerJoin(customers, eq(customers.id, ticketMessages.authorCustomerId))
        .where(eq(ticketMessages.id, reply.ticketMessageId!)),
    );
    expect(carolsMessage).toEqual({ body: 'It also smells of burnt plastic.', email: cc });

    await dispatchPendingEvents(A.id);
    await asA.ticket.reply({ ticketId, body: 'A technician is on the way.' });
    await dispatchPendingEvents(A.id);
    const replies = (await ticketMailRows(A.id, ticketId)).filter((m) => m.kind === 'agent_replied');
    expect(replies.map((m) => m.recipient).sort()).toEqual([sender, cc].sort());
  });
});

describe('bouncing addresses', () => {
  it('a permanent bounce marks the customer bouncing and holds mail to them; their next mail clears the mark', async () => {
    const t = await ticketWithMail(A);
    const bounce = await storeAndProcess(
      A.id,
      fixture('bounce.eml', { REQUESTER: t.requester, OUR_MESSAGE_ID: t.ourMessageId, RUN: `mark-${RUN}` }),
    );
    expect(bounce.status).toBe('bounce');
    const customer = () =>
      runInTenant(
        A.id,
        async ({ db }) => (await db.select().from(customers).where(eq(customers.email, t.requester)))[0]!,
      );
    expect(await customer()).toMatchObject({
      emailBouncingAt: expect.any(Date),
      emailBounceReason: expect.stringContaining('5.1.1'),
    });

    // The agent sees why the customer hears nothing.
    expect((await asA.ticket.get({ ticketId: t.ticket.id })).mailContacts.requesterBounce?.reason).toContain('5.1.1');
    await asA.ticket.reply({ ticketId: t.ticket.id, body: 'Could you check the cable?' });
    await dispatchPendingEvents(A.id);
    expect((await ticketMailRows(A.id, t.ticket.id)).filter((m) => m.kind === 'agent_replied')).toEqual([]);

    const back = await storeAndProcess(
      A.id,
      fixture('reply-in-reply-to.eml', { REQUESTER: t.requester, OUR_MESSAGE_ID: t.ourMessageId, RUN: `clear-${RUN}` }),
    );
    expect(back.outcome).toBe('appended');
    expect(await customer()).toMatchObject({ emailBouncingAt: null, emailBounceReason: null });
  });
});

describe('bouncing addresses, a new request', () => {
  it('a new request from a bouncing address clears the mark and is filed under the same customer', async () => {
    const t = await ticketWithMail(A);
    await storeAndProcess(
      A.id,
      fixture('bounce.eml', { REQUESTER: t.requester, OUR_MESSAGE_ID: t.ourMessageId, RUN: `mark-new-${RUN}` }),
    );
    const customer = () =>
      runInTenant(
        A.id,
        async ({ db }) => (await db.select().from(customers).where(eq(customers.email, t.requester)))[0]!,
      );
    const before = await customer();
    expect(before.emailBouncingAt).toEqual(expect.any(Date));

    const fresh = await storeAndProcess(A.id, fixture('new-request.eml', { SENDER: t.requester, RUN: `new-${RUN}` }));
    expect(fresh).toMatchObject({ status: 'processed', outcome: 'new_ticket' });
    expect(fresh.ticketId).not.toBe(t.ticket.id);
    expect(await customer()).toMatchObject({ id: before.id, emailBouncingAt: null, emailBounceReason: null });
    const [filed] = await runInTenant(A.id, ({ db }) =>
      db.select({ requesterId: tickets.requesterId }).from(tickets).where(eq(tickets.id, fresh.ticketId!)),
    );
    expect(filed!.requesterId).toBe(before.id);
  });
});

describe('inline images', () => {
  it('a cid: image is stored with its Content-ID and marked where the HTML placed it; no markup or script kept', async () => {
    const row = await storeAndProcess(A.id, fixture('inline-image.eml', { SENDER: uniqueEmail('dana'), RUN }));
    expect(row).toMatchObject({ status: 'processed', outcome: 'new_ticket' });
    const [message] = (await asA.ticket.get({ ticketId: row.ticketId! })).messages;
    expect(message!.body).toBe('This dialog appears:\n[cid:dialog.png@01DC]\nThen it closes.');
    expect(message!.attachments).toEqual([
      expect.objectContaining({ filename: 'dialog.png', contentType: 'image/png', contentId: 'dialog.png@01DC' }),
    ]);
  });
});

describe('the demo workspace', () => {
  it("shows a CC'd request with quoted history, a quarantined phish and an unprocessed message on the channel page", async () => {
    const demo = await createWorkspace();
    await seedDemoInbound(demo.id);
    const asDemo = callerFor({ userId: demo.owner.userId, workspaceId: demo.id });
    const recent = await asDemo.inboundChannel.messages({ view: 'recent' });
    expect(recent.map((m) => m.status).sort()).toEqual(['failed', 'processed', 'quarantined']);
    const opened = recent.find((m) => m.status === 'processed')!;
    const ticket = await asDemo.ticket.get({ ticketId: opened.ticketId! });
    expect(ticket.mailContacts.participants.map((p) => p.email)).toEqual(['dana@example.com']);
    expect(splitQuotedHistory(ticket.messages[0]!.body).quoted).toContain('wrote:');
  });
});

describe('storm limit', () => {
  it(`more than ${INBOUND_STORM_LIMIT.messages} messages from one sender in the window are recorded as ignored, not ticketed`, async () => {
    const sender = uniqueEmail('storm');
    const ids: string[] = [];
    for (let i = 0; i <= INBOUND_STORM_LIMIT.messages; i++) {
      const stored = await storeInboundMessage(
        A.id,
        fixture('new-request.eml', { SENDER: sender, RUN: `storm-${i}-${RUN}` }),
      );
      await processInboundMessage(A.id, stored.id, { resolver: offlineResolver });
      ids.push(stored.id);
    }
    const rows = await runInTenant(A.id, ({ db }) =>
      db
        .select()
        .from(inboundMessages)
        .where(and(eq(inboundMessages.tenantId, A.id), eq(inboundMessages.sender, sender))),
    );
    expect(rows).toHaveLength(INBOUND_STORM_LIMIT.messages + 1);
    expect(rows.filter((r) => r.outcome === 'new_ticket')).toHaveLength(INBOUND_STORM_LIMIT.messages);
    const cut = rows.find((r) => r.id === ids.at(-1))!;
    expect(cut).toMatchObject({ status: 'ignored', ticketId: null });
    expect(cut.outcome).toContain('Mail storm');
  });
});

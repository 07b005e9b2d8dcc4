import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processEmailSend, UNCERTAIN_DELIVERY_ERROR } from '@/jobs/processors/email-send';
import { forgetSettledEvents, processEventDispatch } from '@/jobs/processors/event-dispatch';
import { processOutboundCheck } from '@/jobs/processors/outbound-check';
import { processOutboxSweep } from '@/jobs/processors/outbox-sweep';
import { SMTP_CHECK_MESSAGES } from '@/server/email/transport';
import { outbox, ticketMailThreads } from '@/server/db/schema';
import { runInTenant } from '@/server/db/tenant';
import { ticketReplyToken } from '@/server/services/notification/reply-token';
import { replyAsAgent, updateTicketStatus } from '@/server/services/ticket/agent-actions';
import { closeAsCustomer, replyAsCustomer } from '@/server/services/ticket/portal-tickets';
import { callerFor, errorShapeOf } from '../helpers/caller';
import {
  addMember,
  asStaff,
  createTestCustomer,
  createTestTeam,
  createWorkspace,
  uniqueSuffix,
  type TestMember,
  type TestWorkspace,
} from '../helpers/factories';
import { deliverPending, dispatchPendingEvents, headerText, ticketMailRows } from '../helpers/notification-mail';
import { startSmtpServer, type ReceivedMail, type TestSmtpServer } from '../helpers/smtp';
import { createTestTicket } from '../helpers/ticket-factories';

// Outbound notification mail, end to end: ticket services write outbox rows, the real email processor
// sends them through nodemailer to an in-process SMTP server, and the test reads the parsed mails.

let smtp: TestSmtpServer;
let ws: TestWorkspace;
let agent: TestMember;
let viewer: TestMember;

beforeAll(async () => {
  smtp = await startSmtpServer();
  ws = await createWorkspace({ name: 'Notify Desk' });
  agent = await addMember(ws.id, 'agent', { name: 'Alex Agent' });
  viewer = await addMember(ws.id, 'viewer');
});

afterAll(async () => {
  await smtp?.close();
});

const asAgent = (member: TestMember) => ({ userId: member.userId, role: member.role });
/** Mails to someone about one ticket (the owner is alerted about every unassigned ticket of the file). */
const mailsAbout = (address: string, displayNumber: string) =>
  smtp.mailsTo(address).filter((m) => m.subject.includes(displayNumber));
const staffCaller = (member: TestMember, workspace = ws) =>
  callerFor({ userId: member.userId, workspaceId: workspace.id });
const outboxRow = async (workspaceId: string, id: string) =>
  (await runInTenant(workspaceId, ({ db }) => db.select().from(outbox).where(eq(outbox.id, id))))[0]!;

describe('who gets which mail', () => {
  it('a new ticket: the customer gets its number and expected first response; agents are alerted, viewers are not', async () => {
    const customer = await createTestCustomer(ws.id, { name: 'Ada Lovelace' });
    const ticket = await createTestTicket(ws.id, {
      requesterId: customer.id,
      subject: 'Printer on fire',
      priority: 'high',
      body: 'Smoke is coming out.',
    });
    await deliverPending(ws.id);

    const [confirmation, ...more] = smtp.mailsTo(customer.email);
    expect(more).toEqual([]);
    expect(confirmation!.subject).toBe(`[${ticket.displayNumber}] Printer on fire`);
    expect(confirmation!.text).toContain(`Your ticket number is ${ticket.displayNumber}.`);
    expect(confirmation!.text).toContain('first response within 4 hours');
    expect(confirmation!.text).toMatch(/\/portal\/access\?token=/);
    expect(confirmation!.html).toContain('Notify Desk');

    for (const member of [ws.owner, agent]) {
      const alerts = mailsAbout(member.email, ticket.displayNumber);
      expect(alerts.map((m) => m.subject)).toEqual([`[${ticket.displayNumber}] New ticket: Printer on fire`]);
      expect(alerts[0]!.text).toContain('Smoke is coming out.');
      expect(alerts[0]!.text).toContain(`/agent/tickets/${ticket.id}`);
    }
    expect(mailsAbout(viewer.email, ticket.displayNumber)).toEqual([]);
  });

  it('an assigned new ticket alerts only its assignee, and never the agent who filed it', async () => {
    const customer = await createTestCustomer(ws.id);
    const ticket = await createTestTicket(ws.id, {
      requesterId: customer.id,
      assigneeId: agent.userId,
      actor: { type: 'agent', userId: ws.owner.userId },
    });
    await deliverPending(ws.id);
    expect(mailsAbout(agent.email, ticket.displayNumber)).toHaveLength(1);
    expect(mailsAbout(ws.owner.email, ticket.displayNumber)).toEqual([]);
    expect(smtp.mailsTo(customer.email)).toHaveLength(1);
  });

  it("an agent's public reply goes to the customer; an internal note reaches nobody", async () => {
    const customer = await createTestCustomer(ws.id);
    const ticket = await createTestTicket(ws.id, { requesterId: customer.id, assigneeId: agent.userId });
    const secret = `internal-${uniqueSuffix()}`;
    await asStaff(ws.id, asAgent(agent), (scope) =>
      replyAsAgent(scope, {
        ticketId: ticket.id,
        kind: 'note',
        body: `Between us: ${secret}`,
        timeSpentMinutes: 0,
        attachmentIds: [],
        confirmStale: false,
      }),
    );
    await deliverPending(ws.id);
    expect(smtp.mails.filter((m) => m.text.includes(secret) || m.html.includes(secret))).toEqual([]);
    expect(smtp.mailsTo(customer.email)).toHaveLength(1); // the confirmation only

    await asStaff(ws.id, asAgent(agent), (scope) =>
      replyAsAgent(scope, {
        ticketId: ticket.id,
        kind: 'reply',
        body: 'Turn it off and on again.\n\nThen tell us.',
        timeSpentMinutes: 0,
        attachmentIds: [],
        confirmStale: false,
      }),
    );
    await deliverPending(ws.id);
    const reply = smtp.mailsTo(customer.email)[1]!;
    expect(reply.subject).toBe(`Re: [${ticket.displayNumber}] ${ticket.subject}`);
    expect(reply.text).toContain('Alex Agent replied');
    expect(reply.text).toContain('Turn it off and on again.');
    expect(smtp.mails.filter((m) => m.text.includes(secret))).toEqual([]);
  });

  it("a customer's reply goes to the assignee, else the team; an agent who turned it off gets nothing", async () => {
    const quiet = await addMember(ws.id, 'agent');
    const team = await createTestTeam(ws.id, { memberUserIds: [agent.userId, quiet.userId] });
    const saved = await staffCaller(quiet).notification.updatePreferences({
      preferences: [{ type: 'customer_replied', enabled: false }],
    });
    expect(saved.find((p) => p.type === 'customer_replied')).toMatchObject({ enabled: false });
    expect(saved.find((p) => p.type === 'ticket_created')).toMatchObject({ enabled: true });

    const customer = await createTestCustomer(ws.id, { name: 'Carla Customer' });
    const customerRef = { id: customer.id, name: customer.name };
    const toTeam = await createTestTicket(ws.id, { requesterId: customer.id, teamId: team.id });
    const toQuiet = await createTestTicket(ws.id, { requesterId: customer.id, assigneeId: quiet.userId });
    await runInTenant(ws.id, (scope) =>
      replyAsCustomer(scope, customerRef, { ticketId: toTeam.id, body: 'Any news?', attachmentIds: [] }),
    );
    await runInTenant(ws.id, (scope) =>
      replyAsCustomer(scope, customerRef, { ticketId: toQuiet.id, body: 'Hello?', attachmentIds: [] }),
    );
    await deliverPending(ws.id);

    const teamReplies = mailsAbout(agent.email, toTeam.displayNumber).filter((m) => m.subject.startsWith('Re:'));
    expect(teamReplies).toHaveLength(1);
    expect(teamReplies[0]!.text).toContain('Carla Customer replied');
    expect(teamReplies[0]!.text).toContain('Any news?');
    // The agent's own mails about the ticket thread together (the customer's mails are not theirs to reference).
    const [alert] = mailsAbout(agent.email, toTeam.displayNumber).filter((m) => m.subject.includes('New ticket'));
    expect(teamReplies[0]!.inReplyTo).toBe(alert!.messageId);
    expect(teamReplies[0]!.references).toEqual([alert!.messageId]);
    // quiet is on the team and the assignee of the second ticket, and said no to customer replies.
    expect(smtp.mailsTo(quiet.email).filter((m) => m.subject.startsWith('Re:'))).toEqual([]);
    // The team ticket was not unassigned-to-everyone: the owner hears nothing of the reply.
    expect(mailsAbout(ws.owner.email, toTeam.displayNumber).filter((m) => m.subject.startsWith('Re:'))).toEqual([]);
  });

  it('solving sends a satisfaction link, closing a final notice; a customer closing their own request gets none', async () => {
    const customer = await createTestCustomer(ws.id);
    const ticket = await createTestTicket(ws.id, { requesterId: customer.id, assigneeId: agent.userId });
    await asStaff(ws.id, asAgent(agent), (scope) =>
      updateTicketStatus(scope, { ticketId: ticket.id, status: 'solved' }),
    );
    await asStaff(ws.id, asAgent(agent), (scope) =>
      updateTicketStatus(scope, { ticketId: ticket.id, status: 'closed' }),
    );
    await deliverPending(ws.id);
    const [, solved, closed] = smtp.mailsTo(customer.email);
    expect(solved!.subject).toBe(`Solved: [${ticket.displayNumber}] ${ticket.subject}`);
    expect(solved!.text).toMatch(/Excellent: http\S+\/portal\/rate\?token=/);
    expect(closed!.subject).toBe(`Closed: [${ticket.displayNumber}] ${ticket.subject}`);

    const own = await createTestTicket(ws.id, { requesterId: customer.id });
    await runInTenant(ws.id, (scope) =>
      closeAsCustomer(scope, { id: customer.id, name: customer.name }, { ticketId: own.id }),
    );
    await deliverPending(ws.id);
    expect(mailsAbout(customer.email, own.displayNumber).map((m) => m.subject)).toEqual([
      `[${own.displayNumber}] ${own.subject}`,
    ]);
  });
});

describe('mails hang off the events', () => {
  const pendingEvents = (workspaceId: string, ticketId: string) =>
    runInTenant(workspaceId, ({ db }) =>
      db
        .select()
        .from(outbox)
        .where(
          and(
            eq(outbox.kind, 'event'),
            eq(outbox.status, 'pending'),
            sql`${outbox.payload} -> 'data' ->> 'ticketId' = ${ticketId}`,
          ),
        ),
    );

  it("creating a ticket queues no mail in its own transaction, only one ticket.created event; the event's consumer queues them", async () => {
    const customer = await createTestCustomer(ws.id);
    const ticket = await createTestTicket(ws.id, { requesterId: customer.id });
    expect(await ticketMailRows(ws.id, ticket.id)).toEqual([]);
    const events = await pendingEvents(ws.id, ticket.id);
    expect(events.map((e) => (e.payload as { type: string }).type)).toEqual(['ticket.created']);

    await dispatchPendingEvents(ws.id);
    const kinds = (await ticketMailRows(ws.id, ticket.id)).map((m) => m.kind);
    expect(kinds.filter((k) => k === 'ticket_created_confirmation')).toHaveLength(1);
    // Unassigned: every agent of the workspace (the owner and Alex here, and those later tests add) is alerted.
    expect(kinds.filter((k) => k === 'ticket_created_alert').length).toBeGreaterThanOrEqual(2);
  });

  it('a rerun of the same event (a retried dispatch, a sweep after a lost ack) queues no mail twice', async () => {
    const customer = await createTestCustomer(ws.id);
    const ticket = await createTestTicket(ws.id, { requesterId: customer.id });
    const [event] = await pendingEvents(ws.id, ticket.id);
    await dispatchPendingEvents(ws.id);
    const first = await ticketMailRows(ws.id, ticket.id);
    expect(first.length).toBeGreaterThanOrEqual(3);

    // As if the dispatch had committed its mails but the event row were handed out again, to a process that
    // did not settle it.
    await runInTenant(ws.id, ({ db }) => db.update(outbox).set({ status: 'pending' }).where(eq(outbox.id, event!.id)));
    forgetSettledEvents();
    await expect(processEventDispatch({ tenantId: ws.id, outboxId: event!.id })).resolves.toMatchObject({
      consumers: expect.arrayContaining(['ticket-notifications']),
    });
    const second = await ticketMailRows(ws.id, ticket.id);
    expect(second.map((m) => m.outboxId)).toEqual(first.map((m) => m.outboxId));

    await deliverPending(ws.id);
    expect(smtp.mailsTo(customer.email)).toHaveLength(1);
  });
});

describe('headers', () => {
  it("threads a ticket's mails: Message-ID from the outbox row, In-Reply-To and References chained, one reply token", async () => {
    const customer = await createTestCustomer(ws.id);
    const ticket = await createTestTicket(ws.id, { requesterId: customer.id, assigneeId: agent.userId });
    await asStaff(ws.id, asAgent(agent), (scope) =>
      replyAsAgent(scope, {
        ticketId: ticket.id,
        kind: 'reply',
        body: 'On it.',
        timeSpentMinutes: 0,
        attachmentIds: [],
        confirmStale: false,
      }),
    );
    await asStaff(ws.id, asAgent(agent), (scope) =>
      updateTicketStatus(scope, { ticketId: ticket.id, status: 'solved' }),
    );
    await deliverPending(ws.id);

    const mails = smtp.mailsTo(customer.email);
    const subject = `[${ticket.displayNumber}] ${ticket.subject}`;
    expect(mails.map((m) => m.subject)).toEqual([subject, `Re: ${subject}`, `Solved: ${subject}`]);
    const rows = (await ticketMailRows(ws.id, ticket.id)).filter((r) => r.audience === 'customer');
    expect(rows.map((r) => r.messageId)).toEqual(mails.map((m) => m.messageId));
    for (const row of rows) expect(row.messageId).toMatch(new RegExp(`^<${row.outboxId}@[a-z0-9.-]+>$`));
    const [first, second, third] = mails as [ReceivedMail, ReceivedMail, ReceivedMail];
    expect(first.inReplyTo).toBeUndefined();
    expect(first.references).toEqual([]);
    expect(second.inReplyTo).toBe(first.messageId);
    expect(second.references).toEqual([first.messageId]);
    expect(third.inReplyTo).toBe(second.messageId);
    expect(third.references).toEqual([first.messageId, second.messageId]);

    const [thread] = await runInTenant(ws.id, ({ db }) =>
      db.select().from(ticketMailThreads).where(eq(ticketMailThreads.ticketId, ticket.id)),
    );
    expect(thread!.replyToken).toMatch(/^[a-z2-7]{32}$/);
    for (const mail of mails) expect(headerText(mail.headers, 'reply-to')).toContain(`+${thread!.replyToken}@`);
  });

  it("a ticket's first mails queued at once agree on one reply token, the one stored", async () => {
    const ticket = await createTestTicket(ws.id, { requesterId: (await createTestCustomer(ws.id)).id });
    const tokens = await Promise.all(
      [1, 2, 3].map(() => runInTenant(ws.id, (scope) => ticketReplyToken(scope, ticket.id))),
    );
    expect(new Set(tokens).size).toBe(1);
    const stored = await runInTenant(ws.id, ({ db }) =>
      db.select().from(ticketMailThreads).where(eq(ticketMailThreads.ticketId, ticket.id)),
    );
    expect(stored.map((t) => t.replyToken)).toEqual([tokens[0]]);
    // Asked again later: the stored token, not a new one.
    expect(await runInTenant(ws.id, (scope) => ticketReplyToken(scope, ticket.id))).toBe(tokens[0]);
  });

  it('automatic mails carry Auto-Submitted; a reply an agent wrote does not', async () => {
    const customer = await createTestCustomer(ws.id);
    const ticket = await createTestTicket(ws.id, { requesterId: customer.id });
    await asStaff(ws.id, asAgent(agent), (scope) =>
      replyAsAgent(scope, {
        ticketId: ticket.id,
        kind: 'reply',
        body: 'Hello from a person.',
        timeSpentMinutes: 0,
        attachmentIds: [],
        status: 'solved',
        confirmStale: false,
      }),
    );
    await deliverPending(ws.id);
    // The reply and the solved notice commit together, so they may leave in either order.
    const received = smtp.mailsTo(customer.email) as ReceivedMail[];
    const bySubject = (prefix: string) => received.find((m) => m.subject.startsWith(prefix))!;
    expect(received).toHaveLength(3);
    expect(headerText(bySubject(`[${ticket.displayNumber}]`).headers, 'auto-submitted')).toBe('auto-replied');
    const reply = received.find((m) => m.text.includes('Hello from a person.'))!;
    expect(headerText(reply.headers, 'auto-submitted')).toBeUndefined();
    expect(headerText(bySubject('Solved:').headers, 'auto-submitted')).toBe('auto-generated');
    const alert = mailsAbout(ws.owner.email, ticket.displayNumber)[0]!;
    expect(headerText(alert.headers, 'auto-submitted')).toBe('auto-generated');
  });

  it('CR/LF in a customer name or a subject cannot add a header or a recipient', async () => {
    const victim = `victim-${uniqueSuffix()}@evil.test`;
    const customer = await createTestCustomer(ws.id, { name: `Eve\r\nBcc: ${victim}` });
    const ticket = await createTestTicket(ws.id, {
      requesterId: customer.id,
      subject: `Help\r\nX-Injected: yes\r\nBcc: ${victim}`,
    });
    await deliverPending(ws.id);
    const mail = smtp.mailsTo(customer.email)[0]!;
    expect(mail.headers.has('x-injected')).toBe(false);
    expect(mail.headers.has('bcc')).toBe(false);
    expect(mail.to).toEqual([customer.email]);
    expect(mail.subject).toBe(`[${ticket.displayNumber}] Help X-Injected: yes Bcc: ${victim}`);
    const headerBlock = mail.raw.split(/\r?\n\r?\n/)[0]!;
    expect(headerBlock).not.toMatch(/^(x-injected|bcc):/im);
    expect(smtp.mails.filter((m) => m.to.includes(victim))).toEqual([]);
  });
});

describe('per-workspace sender and SMTP server', () => {
  let own: TestSmtpServer;
  beforeAll(async () => {
    const port = Number(new URL(process.env.SMTP_URL!).port) + 1;
    own = await startSmtpServer({ port });
  });
  afterAll(async () => {
    await own?.close();
  });

  it("sends from the workspace's address through its own server, and never shows the password back", async () => {
    const acme = await createWorkspace({ name: 'Acme' });
    const domain = `acme-${uniqueSuffix()}.test`;
    const admin = staffCaller(acme.owner, acme);
    const saved = await admin.mailSettings.update({
      fromName: 'Acme Support',
      fromAddress: `help@${domain}`,
      smtpUrl: own.url,
    });
    expect(saved).toMatchObject({
      fromName: 'Acme Support',
      fromAddress: `help@${domain}`,
      smtp: { own: true, url: `${own.url}` },
    });

    const customer = await createTestCustomer(acme.id);
    const ticket = await createTestTicket(acme.id, { requesterId: customer.id });
    await deliverPending(acme.id);
    expect(smtp.mailsTo(customer.email)).toEqual([]);
    const mail = own.mailsTo(customer.email)[0]!;
    expect(mail.from).toMatch(new RegExp(`^"?Acme Support"? <help@${domain.replace(/\./g, '\\.')}>$`));
    expect(headerText(mail.headers, 'from')).toContain(`help@${domain}`);
    expect(mail.messageId).toMatch(new RegExp(`^<[0-9a-f-]{36}@${domain.replace(/\./g, '\\.')}>$`));
    expect(headerText(mail.headers, 'reply-to')).toMatch(
      new RegExp(`help\\+[a-z2-7]{32}@${domain.replace(/\./g, '\\.')}`),
    );
    expect(mail.subject).toContain(ticket.displayNumber);

    const withSecret = await admin.mailSettings.update({
      fromName: null,
      fromAddress: null,
      smtpUrl: 'smtp://mailer:s3cret-pw@mail.example.test:587',
    });
    expect(JSON.stringify(withSecret)).not.toContain('s3cret-pw');
    expect(withSecret.smtp.url).toBe('smtp://mailer:****@mail.example.test:587');
    const reread = await admin.mailSettings.get();
    expect(JSON.stringify(reread)).not.toContain('s3cret-pw');
    // Leaving smtpUrl out keeps the stored server.
    const kept = await admin.mailSettings.update({ fromName: 'Acme', fromAddress: null });
    expect(kept.smtp.url).toBe('smtp://mailer:****@mail.example.test:587');
  });

  it('refuses a sender name with a line break and an SMTP URL that is not one, saying what to fix', async () => {
    const admin = staffCaller(ws.owner);
    const badName = await errorShapeOf(
      admin.mailSettings.update({ fromName: 'Acme\r\nBcc: x@evil.test', fromAddress: null }),
    );
    expect(badName?.data.code).toBe('BAD_REQUEST');
    expect(JSON.stringify(badName)).toContain('line breaks');
    const badUrl = await errorShapeOf(
      admin.mailSettings.update({ fromName: null, fromAddress: null, smtpUrl: 'https://mail.example.test' }),
    );
    expect(JSON.stringify(badUrl)).toContain('Enter an SMTP URL');
  });

  it('tests a server in the worker by connecting to it, and reports one that does not answer', async () => {
    const admin = staffCaller(ws.owner);
    const check = async (smtpUrl: string) => {
      await expect(admin.mailSettings.test({ smtpUrl })).resolves.toMatchObject({ status: 'running' });
      await processOutboundCheck({ tenantId: ws.id, kind: 'smtp' });
      return admin.mailSettings.testStatus();
    };
    await expect(check(own.url)).resolves.toMatchObject({
      status: 'ok',
      message: `Connected to ${new URL(own.url).host} and signed in.`,
    });
    await expect(check('smtp://127.0.0.1:1')).resolves.toMatchObject({
      status: 'failed',
      message: SMTP_CHECK_MESSAGES.unreachable,
    });
  });
});

describe('exactly once, and visible when it fails', () => {
  it('a job that runs twice, even at the same time, sends one mail', async () => {
    const customer = await createTestCustomer(ws.id);
    const ticket = await createTestTicket(ws.id, { requesterId: customer.id, assigneeId: agent.userId });
    await dispatchPendingEvents(ws.id);
    const [row] = (await ticketMailRows(ws.id, ticket.id)).filter((r) => r.audience === 'customer');
    const job = { tenantId: ws.id, outboxId: row!.outboxId! };
    const results = await Promise.all([processEmailSend(job), processEmailSend(job)]);
    await processEmailSend(job);
    expect(results.filter((r) => 'skipped' in r)).toHaveLength(1);
    await smtp.waitForMailTo(customer.email);
    expect(smtp.mailsTo(customer.email)).toHaveLength(1);
    expect(await outboxRow(ws.id, row!.outboxId!)).toMatchObject({ status: 'done', attempts: 1 });
  });

  it("one job claims and sends a batch of its workspace's pending mails; their own jobs then skip", async () => {
    const batchWs = await createWorkspace({ name: 'Batch Desk' });
    const owner = { type: 'agent' as const, userId: batchWs.owner.userId };
    const customers = [];
    for (let i = 0; i < 4; i++) customers.push(await createTestCustomer(batchWs.id));
    // Assigned to the owner who files them: each ticket's only mail is its customer's confirmation.
    for (const customer of customers)
      await createTestTicket(batchWs.id, { requesterId: customer.id, assigneeId: batchWs.owner.userId, actor: owner });
    await dispatchPendingEvents(batchWs.id);
    const rows = await runInTenant(batchWs.id, ({ db }) =>
      db
        .select()
        .from(outbox)
        .where(and(eq(outbox.kind, 'email'), eq(outbox.status, 'pending')))
        .orderBy(outbox.createdAt),
    );
    expect(rows).toHaveLength(4);

    await expect(processEmailSend({ tenantId: batchWs.id, outboxId: rows[2]!.id })).resolves.toMatchObject({
      batch: 4,
    });
    for (const row of rows)
      await expect(processEmailSend({ tenantId: batchWs.id, outboxId: row.id })).resolves.toEqual({ skipped: true });
    for (const customer of customers) expect(smtp.mailsTo(customer.email)).toHaveLength(1);
    for (const row of rows)
      expect(await outboxRow(batchWs.id, row.id)).toMatchObject({
        status: 'done',
        attempts: 1,
        claimedAt: expect.any(Date),
      });
  });

  it('an SMTP refusal retries, then fails and shows on the message in the ticket page', async () => {
    const customer = await createTestCustomer(ws.id);
    smtp.refuse(customer.email);
    const ticket = await createTestTicket(ws.id, { requesterId: customer.id, assigneeId: agent.userId });
    await dispatchPendingEvents(ws.id);
    const [row] = (await ticketMailRows(ws.id, ticket.id)).filter((r) => r.audience === 'customer');
    const job = { tenantId: ws.id, outboxId: row!.outboxId! };
    for (let attempt = 1; attempt <= 4; attempt++) {
      await expect(processEmailSend(job)).rejects.toThrow(/Mailbox temporarily unavailable/);
      expect(await outboxRow(ws.id, job.outboxId)).toMatchObject({
        status: 'pending',
        attempts: attempt,
        claimedAt: null,
      });
    }
    await expect(processEmailSend(job)).rejects.toThrow(/Mailbox temporarily unavailable/);
    expect(await outboxRow(ws.id, job.outboxId)).toMatchObject({ status: 'failed', attempts: 5 });
    // A failed row is settled: the sweep leaves it, later jobs skip it.
    await processOutboxSweep();
    await expect(processEmailSend(job)).resolves.toEqual({ skipped: true });
    expect(smtp.mailsTo(customer.email)).toEqual([]);

    const detail = await staffCaller(agent).ticket.get({ ticketId: ticket.id });
    expect(detail.messages[0]!.mailFailures).toEqual([
      expect.objectContaining({
        recipient: customer.email,
        kind: 'ticket_created_confirmation',
        reason: expect.stringContaining('Mailbox temporarily unavailable'),
      }),
    ]);

    // The mailbox is back; the agent retries from the ticket page: same row, same Message-ID, one mail.
    smtp.accept(customer.email);
    const mailId = detail.messages[0]!.mailFailures[0]!.id;
    await expect(staffCaller(agent).notification.retryMail({ mailId })).resolves.toEqual({ mailId, status: 'pending' });
    expect(await outboxRow(ws.id, job.outboxId)).toMatchObject({ status: 'pending', attempts: 0, lastError: null });
    await processEmailSend(job);
    const delivered = await smtp.waitForMailTo(customer.email);
    expect(delivered.messageId).toBe(row!.messageId);
    expect((await staffCaller(agent).ticket.get({ ticketId: ticket.id })).messages[0]!.mailFailures).toEqual([]);
    const again = await errorShapeOf(staffCaller(agent).notification.retryMail({ mailId }));
    expect(again?.data.code).toBe('PRECONDITION_FAILED');
    expect(again?.message).toContain('has not failed');
    expect(smtp.mailsTo(customer.email)).toHaveLength(1);
  });

  it('a claim whose worker vanished is failed by the sweep as "may have been delivered", never resent', async () => {
    const customer = await createTestCustomer(ws.id);
    const ticket = await createTestTicket(ws.id, { requesterId: customer.id, assigneeId: agent.userId });
    await asStaff(ws.id, asAgent(agent), (scope) =>
      updateTicketStatus(scope, { ticketId: ticket.id, status: 'solved' }),
    );
    await dispatchPendingEvents(ws.id);
    const solved = (await ticketMailRows(ws.id, ticket.id)).find((r) => r.kind === 'ticket_solved')!;
    // What a worker killed mid-send leaves: claimed three minutes ago, never settled.
    await runInTenant(ws.id, ({ db }) =>
      db
        .update(outbox)
        .set({ status: 'sending', attempts: 1, claimedAt: new Date(Date.now() - 3 * 60_000) })
        .where(and(eq(outbox.id, solved.outboxId!))),
    );
    const { expired } = await processOutboxSweep();
    expect(expired).toBeGreaterThanOrEqual(1);
    expect(await outboxRow(ws.id, solved.outboxId!)).toMatchObject({
      status: 'failed',
      lastError: UNCERTAIN_DELIVERY_ERROR,
    });
    await expect(processEmailSend({ tenantId: ws.id, outboxId: solved.outboxId! })).resolves.toEqual({ skipped: true });
    expect(smtp.mailsTo(customer.email).filter((m) => m.subject.startsWith('Solved'))).toEqual([]);

    const detail = await staffCaller(agent).ticket.get({ ticketId: ticket.id });
    expect(detail.mailFailures).toEqual([
      expect.objectContaining({ recipient: customer.email, kind: 'ticket_solved', reason: UNCERTAIN_DELIVERY_ERROR }),
    ]);
  });
});

describe('preferences', () => {
  it('every notification is on until the member turns it off, per workspace', async () => {
    const member = await addMember(ws.id, 'agent');
    const other = await createWorkspace();
    await addMember(other.id, 'agent', { userId: member.userId });
    const caller = staffCaller(member);
    expect((await caller.notification.preferences()).map((p) => [p.type, p.enabled])).toEqual([
      ['ticket_created', true],
      ['customer_replied', true],
    ]);
    await caller.notification.updatePreferences({ preferences: [{ type: 'ticket_created', enabled: false }] });
    expect((await caller.notification.preferences()).find((p) => p.type === 'ticket_created')?.enabled).toBe(false);
    const elsewhere = callerFor({ userId: member.userId, workspaceId: other.id });
    expect((await elsewhere.notification.preferences()).every((p) => p.enabled)).toBe(true);

    const customer = await createTestCustomer(ws.id);
    const ticket = await createTestTicket(ws.id, { requesterId: customer.id });
    await deliverPending(ws.id);
    expect(mailsAbout(member.email, ticket.displayNumber)).toEqual([]);
    expect(mailsAbout(agent.email, ticket.displayNumber)).toHaveLength(1);
  });
});

import { spawn } from 'node:child_process';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachments, customers, inboundMessages, outbox, ticketMessages, tickets } from '@/server/db/schema';
import { runInTenant } from '@/server/db/tenant';
import { processInboundMessage } from '@/server/services/inbound/process-inbound-message';
import { rotateInboundSecret } from '@/server/services/inbound/inbound-secret';
import { storeInboundMessage } from '@/server/services/inbound/store-inbound-message';
import { runInboundGateway } from '@/server/services/inbound/gateway-command';
import { POST } from '@/app/api/inbound/[workspace]/route';
import { asStaff, createWorkspace, uniqueEmail, uniqueSuffix, type TestWorkspace } from '../helpers/factories';
import { startDnsServer, type TestDnsServer } from '../helpers/dns-server';
import { dispatchPendingEvents } from '../helpers/notification-mail';
import { fixture, inboundRow, offlineResolver, ticketWithMail } from '../helpers/inbound-mail';

// Issue 11, raw-MIME path: every message of tests/fixtures/mail goes in through the real route (or the gateway
// command's main), is processed by the real processor as the worker runs it, and its outcome is read back from
// the database. Nothing of ours is mocked: the database, the queue and the ticket services are the real ones.

let A: TestWorkspace;
let B: TestWorkspace;
let secretA: string;
let dnsServer: TestDnsServer;
const RUN = uniqueSuffix();

function post(slug: string, body: Uint8Array, authorization?: string) {
  const req = new Request(`http://localhost/api/inbound/${slug}`, {
    method: 'POST',
    headers: { 'content-type': 'message/rfc822', ...(authorization ? { authorization } : {}) },
    body: new Uint8Array(body),
  });
  return POST(req, { params: Promise.resolve({ workspace: slug }) });
}

/** Through the route, then the processor exactly as the inbound.process job calls it. */
async function receive(raw: Uint8Array) {
  const res = await post(A.slug, raw, `Bearer ${secretA}`);
  expect(res.status).toBe(202);
  const body = (await res.json()) as { id: string; duplicate: boolean };
  await processInboundMessage(A.id, body.id, { resolver: offlineResolver });
  return { ...body, row: await inboundRow(A.id, body.id) };
}

const ticketRow = (tenantId: string, id: string) =>
  runInTenant(tenantId, async ({ db }) => (await db.select().from(tickets).where(eq(tickets.id, id)))[0]!);

const messagesOf = (tenantId: string, ticketId: string) =>
  runInTenant(tenantId, ({ db }) =>
    db.select().from(ticketMessages).where(eq(ticketMessages.ticketId, ticketId)).orderBy(ticketMessages.createdAt),
  );

beforeAll(async () => {
  A = await createWorkspace();
  B = await createWorkspace();
  ({ secret: secretA } = await asStaff(A.id, A.owner, (scope) => rotateInboundSecret(scope)));
  dnsServer = await startDnsServer();
});

afterAll(async () => {
  await dnsServer?.close();
});

describe('POST /api/inbound/{workspace}', () => {
  it('answers 401 alike for no secret, a wrong secret, a rotated-out secret and an unknown workspace', async () => {
    const raw = fixture('new-request.eml', { SENDER: uniqueEmail('x'), RUN: `401-${RUN}` });
    const answers = await Promise.all([
      post(A.slug, raw),
      post(A.slug, raw, 'Bearer wrong'),
      post(`no-such-${RUN}`, raw, `Bearer ${secretA}`),
      post(B.slug, raw, `Bearer ${secretA}`),
    ]);
    for (const res of answers) {
      expect(res.status).toBe(401);
      expect(((await res.json()) as { error: string }).error).toContain('Authorization: Bearer');
    }
    const rotated = await asStaff(A.id, A.owner, (scope) => rotateInboundSecret(scope));
    expect((await post(A.slug, raw, `Bearer ${secretA}`)).status).toBe(401);
    secretA = rotated.secret;
    const stored = await runInTenant(A.id, ({ db }) =>
      db
        .select()
        .from(inboundMessages)
        .where(eq(inboundMessages.messageId, `<new-request-401-${RUN}@customer.example>`)),
    );
    expect(stored).toHaveLength(0);
  });

  it('refuses an empty body (400) and one over the size limit (413) without storing', async () => {
    const countStored = () => runInTenant(A.id, ({ db }) => db.$count(inboundMessages));
    const before = await countStored();
    const empty = await post(A.slug, new Uint8Array(), `Bearer ${secretA}`);
    expect(empty.status).toBe(400);
    const huge = await post(A.slug, Buffer.alloc(25 * 1024 * 1024 + 1, 0x61), `Bearer ${secretA}`);
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as { error: string }).error).toContain('larger than 25 MB');
    expect(await countStored()).toBe(before);
  });

  it('limits requests per sender and workspace (counted before the secret), then answers 429', async () => {
    const slug = `limited-${RUN}`;
    const raw = Buffer.from('Subject: x\r\n\r\nx');
    for (let i = 0; i < 600; i++) expect((await post(slug, raw, 'Bearer guess')).status).toBe(401);
    const limited = await post(slug, raw, 'Bearer guess');
    expect(limited.status).toBe(429);
    expect(((await limited.json()) as { error: string }).error).toContain('Wait');
  });
});

describe('the corpus through the route', () => {
  it('new request: a new email ticket for the sender, attachment under a safe base name', async () => {
    const sender = uniqueEmail('alice');
    const { row } = await receive(fixture('new-request.eml', { SENDER: sender, RUN }));
    expect(row).toMatchObject({ status: 'processed', outcome: 'new_ticket', sender });
    const ticket = await ticketRow(A.id, row.ticketId!);
    expect(ticket).toMatchObject({ channel: 'email', subject: 'Printer on floor 3 is jammed', status: 'new' });
    const [message] = await messagesOf(A.id, ticket.id);
    expect(message!.body).toContain('Note: it started after the update > yesterday.');
    expect(message!.id).toBe(row.ticketMessageId);
    const files = await runInTenant(A.id, ({ db }) =>
      db.select().from(attachments).where(eq(attachments.messageId, message!.id)),
    );
    expect(files.map((f) => f.filename)).toEqual(['notes.txt']);
  });

  it('duplicate: the same message again is recognised, not stored or processed twice', async () => {
    const sender = uniqueEmail('dup');
    const raw = fixture('new-request.eml', { SENDER: sender, RUN: `dup-${RUN}` });
    const first = await receive(raw);
    const again = await receive(raw);
    expect(again).toMatchObject({ id: first.id, duplicate: true });
    const rows = await runInTenant(A.id, ({ db }) =>
      db
        .select()
        .from(inboundMessages)
        .where(eq(inboundMessages.messageId, `<new-request-dup-${RUN}@customer.example>`)),
    );
    expect(rows).toHaveLength(1);
    const theirs = await runInTenant(A.id, ({ db }) =>
      db
        .select()
        .from(tickets)
        .innerJoin(customers, eq(customers.id, tickets.requesterId))
        .where(eq(customers.email, sender)),
    );
    expect(theirs).toHaveLength(1);
  });

  it('reused Message-ID with other content: kept as another message', async () => {
    const sender = uniqueEmail('reuse');
    const vars = { SENDER: sender, RUN: `reuse-${RUN}` };
    const first = await receive(fixture('new-request.eml', vars));
    const second = await receive(fixture('reused-message-id.eml', vars));
    expect(second.duplicate).toBe(false);
    expect(second.id).not.toBe(first.id);
    expect(second.row).toMatchObject({ status: 'processed', outcome: 'new_ticket' });
    expect(second.row.messageId).toBe(first.row.messageId);
    expect(second.row.sha256).not.toBe(first.row.sha256);
  });

  it('reply with the reply token: appended to that ticket as the requester, reopening it', async () => {
    const t = await ticketWithMail(A);
    await runInTenant(A.id, ({ db }) =>
      db.update(tickets).set({ status: 'pending' }).where(eq(tickets.id, t.ticket.id)),
    );
    const { row } = await receive(
      fixture('reply-with-token.eml', { REQUESTER: t.requester, REPLY_TO: t.replyTo, RUN }),
    );
    expect(row).toMatchObject({ status: 'processed', outcome: 'appended', ticketId: t.ticket.id });
    const messages = await messagesOf(A.id, t.ticket.id);
    expect(messages).toHaveLength(2);
    expect(messages[1]).toMatchObject({ authorType: 'customer', authorCustomerId: t.ticket.requesterId });
    expect(messages[1]!.body).toContain('> We are looking into it.');
    expect((await ticketRow(A.id, t.ticket.id)).status).toBe('open');
  });

  it('reply by In-Reply-To only: appended by the Message-ID we sent', async () => {
    const t = await ticketWithMail(A);
    const { row } = await receive(
      fixture('reply-in-reply-to.eml', { REQUESTER: t.requester, OUR_MESSAGE_ID: t.ourMessageId, RUN }),
    );
    expect(row).toMatchObject({ status: 'processed', outcome: 'appended', ticketId: t.ticket.id });
    expect(await messagesOf(A.id, t.ticket.id)).toHaveLength(2);
  });

  it("a stranger replying in a thread starts their own ticket, never joins the requester's", async () => {
    const t = await ticketWithMail(A);
    const stranger = uniqueEmail('stranger');
    const { row } = await receive(
      fixture('reply-with-token.eml', { REQUESTER: stranger, REPLY_TO: t.replyTo, RUN: `stranger-${RUN}` }),
    );
    expect(row).toMatchObject({ status: 'processed', outcome: 'new_ticket' });
    expect(row.ticketId).not.toBe(t.ticket.id);
    expect(await messagesOf(A.id, t.ticket.id)).toHaveLength(1);
  });

  it("forged token: another workspace's token attaches nothing there and starts a ticket here", async () => {
    const other = await ticketWithMail(B);
    const { row } = await receive(
      fixture('forged-token.eml', { REQUESTER: other.requester, REPLY_TO: other.replyTo, RUN }),
    );
    expect(row).toMatchObject({ status: 'processed', outcome: 'new_ticket' });
    expect((await ticketRow(A.id, row.ticketId!)).id).toBe(row.ticketId);
    expect(await messagesOf(B.id, other.ticket.id)).toHaveLength(1);
  });

  it('ISO-8859-1 body and RFC 2047 subject arrive as Unicode', async () => {
    const sender = uniqueEmail('juergen');
    const { row } = await receive(fixture('latin1-rfc2047.eml', { SENDER: sender, RUN }));
    const ticket = await ticketRow(A.id, row.ticketId!);
    expect(ticket.subject).toBe('Grüße aus Köln');
    expect((await messagesOf(A.id, ticket.id))[0]!.body).toBe('Die Größe des Drucks stimmt nicht, été à Zürich.');
    const [customer] = await runInTenant(A.id, ({ db }) =>
      db.select().from(customers).where(eq(customers.email, sender)),
    );
    expect(customer!.name).toBe('Jürgen Müller');
  });

  it('HTML-only mail: sanitized to text, no markup or script kept', async () => {
    const { row } = await receive(fixture('html-only.eml', { SENDER: uniqueEmail('html'), RUN }));
    const [message] = await messagesOf(A.id, row.ticketId!);
    expect(message!.body).toBe('Hello team & friends');
  });

  it('auto-reply: recorded against the ticket, no message, no status change, no mail back', async () => {
    const t = await ticketWithMail(A);
    await runInTenant(A.id, ({ db }) =>
      db.update(tickets).set({ status: 'pending' }).where(eq(tickets.id, t.ticket.id)),
    );
    const mailsBefore = await runInTenant(A.id, ({ db }) => db.select().from(outbox).where(eq(outbox.kind, 'email')));
    const { row } = await receive(
      fixture('auto-reply.eml', { REQUESTER: t.requester, REPLY_TO: t.replyTo, OUR_MESSAGE_ID: t.ourMessageId, RUN }),
    );
    expect(row.status).toBe('ignored');
    expect(row.outcome).toContain('Auto-Submitted: auto-replied');
    expect(row.ticketId).toBe(t.ticket.id);
    expect(await messagesOf(A.id, t.ticket.id)).toHaveLength(1);
    expect((await ticketRow(A.id, t.ticket.id)).status).toBe('pending');
    await dispatchPendingEvents(A.id);
    const mailsAfter = await runInTenant(A.id, ({ db }) => db.select().from(outbox).where(eq(outbox.kind, 'email')));
    expect(mailsAfter).toHaveLength(mailsBefore.length);
  });

  it('bounce: tied to the mail that bounced, which shows as failed with the status code; no ticket or message', async () => {
    const t = await ticketWithMail(A);
    const ticketsBefore = await runInTenant(A.id, ({ db }) => db.select({ id: tickets.id }).from(tickets));
    const { row } = await receive(
      fixture('bounce.eml', { REQUESTER: t.requester, OUR_MESSAGE_ID: t.ourMessageId, RUN }),
    );
    expect(row).toMatchObject({ status: 'bounce', ticketId: t.ticket.id });
    expect(row.outcome).toContain('5.1.1');
    const [mail] = await runInTenant(A.id, ({ db }) => db.select().from(outbox).where(eq(outbox.id, t.outboxId)));
    expect(mail).toMatchObject({ status: 'failed' });
    expect(mail!.lastError).toContain('5.1.1');
    expect(await messagesOf(A.id, t.ticket.id)).toHaveLength(1);
    const ticketsAfter = await runInTenant(A.id, ({ db }) => db.select({ id: tickets.id }).from(tickets));
    expect(ticketsAfter).toHaveLength(ticketsBefore.length);
  });

  it('our own mail coming back is ignored', async () => {
    const raw = Buffer.from(
      `From: Support <support@cairn.localhost>\r\nTo: support@acme.test\r\nSubject: loop\r\nMessage-ID: <own-${RUN}@x>\r\n\r\nloop\r\n`,
    );
    const { row } = await receive(raw);
    expect(row).toMatchObject({ status: 'ignored', outcome: 'Sent from our own address.', ticketId: null });
  });

  it('a mail carrying one of our own Message-IDs is ignored', async () => {
    const t = await ticketWithMail(A);
    const raw = Buffer.from(
      `From: ${t.requester}\r\nTo: support@acme.test\r\nSubject: echo\r\nMessage-ID: ${t.ourMessageId}\r\n\r\necho\r\n`,
    );
    const { row } = await receive(raw);
    expect(row).toMatchObject({ status: 'ignored', outcome: 'Carries one of our own Message-IDs.' });
    expect(await messagesOf(A.id, t.ticket.id)).toHaveLength(1);
  });

  it('threads by References on a Message-ID we received for the ticket', async () => {
    const sender = uniqueEmail('chain');
    const first = await receive(fixture('new-request.eml', { SENDER: sender, RUN: `chain-${RUN}` }));
    const raw = Buffer.from(
      `From: ${sender}\r\nTo: support@acme.test\r\nSubject: more\r\nMessage-ID: <chain-2-${RUN}@customer.example>\r\n` +
        `References: <unknown@elsewhere> ${first.row.messageId}\r\n\r\nOne more detail.\r\n`,
    );
    const { row } = await receive(raw);
    expect(row).toMatchObject({ status: 'processed', outcome: 'appended', ticketId: first.row.ticketId });
  });

  it("threads by the ticket number in the subject only for the ticket's requester", async () => {
    const t = await ticketWithMail(A);
    const subject = `Re: [SUP-${new Date().getUTCFullYear()}-${String(t.ticket.number).padStart(8, '0')}] status?`;
    const mail = (from: string, id: string) =>
      Buffer.from(
        `From: ${from}\r\nTo: support@acme.test\r\nSubject: ${subject}\r\nMessage-ID: <${id}-${RUN}@x>\r\n\r\nAny news?\r\n`,
      );
    const byRequester = await receive(mail(t.requester, 'subject-own'));
    expect(byRequester.row).toMatchObject({ outcome: 'appended', ticketId: t.ticket.id });
    const byStranger = await receive(mail(uniqueEmail('guess'), 'subject-guess'));
    expect(byStranger.row.outcome).toBe('new_ticket');
    expect(byStranger.row.ticketId).not.toBe(t.ticket.id);
    expect(await messagesOf(A.id, t.ticket.id)).toHaveLength(2);
  });

  it('garbage: kept, as failed with its reason', async () => {
    const { row } = await receive(fixture('garbage.eml', { RUN }));
    expect(row.status).toBe('failed');
    expect(row.outcome).toContain('no From address');
    expect(row.raw.byteLength).toBeGreaterThan(10);
  });
});

describe('lost jobs', () => {
  it('the periodic sweep re-queues a message still pending after its job was lost', async () => {
    const { processOutboxSweep } = await import('@/jobs/processors/outbox-sweep');
    const { getQueue, jobId } = await import('@/server/queue/enqueue');
    const stored = await storeInboundMessage(
      A.id,
      fixture('new-request.eml', { SENDER: uniqueEmail('lost'), RUN: `lost-${RUN}` }),
    );
    const key = jobId('inbound.process', stored.id);
    await (await getQueue('inbound').getJob(key))?.remove();
    expect(await getQueue('inbound').getJob(key)).toBeUndefined();
    // Younger than a minute it is left to its own job; older, the sweep puts the job back.
    await processOutboxSweep();
    expect(await getQueue('inbound').getJob(key)).toBeUndefined();
    await runInTenant(A.id, ({ db }) =>
      db
        .update(inboundMessages)
        .set({ receivedAt: new Date(Date.now() - 120_000) })
        .where(eq(inboundMessages.id, stored.id)),
    );
    const swept = await processOutboxSweep();
    expect(swept.inboundEnqueued).toBeGreaterThanOrEqual(1);
    // Marked `again`: a worker that remembers deciding the message must still run this job.
    expect((await getQueue('inbound').getJob(key))?.data).toEqual({
      tenantId: A.id,
      inboundId: stored.id,
      again: true,
    });
  });
});

describe('sender authentication', () => {
  it('a DMARC fail is quarantined: stored, no ticket message, no status change', async () => {
    const t = await ticketWithMail(A);
    dnsServer.setTxt('_dmarc.example.test', ['v=DMARC1; p=reject']);
    const resolver = dnsServer.resolver();
    const stored = await storeInboundMessage(
      A.id,
      fixture('reply-in-reply-to.eml', { REQUESTER: t.requester, OUR_MESSAGE_ID: t.ourMessageId, RUN: `dmarc-${RUN}` }),
    );
    await processInboundMessage(A.id, stored.id, {
      resolver: (name, type) => resolver.resolve(name, type) as Promise<string[][]>,
    });
    const row = await inboundRow(A.id, stored.id);
    expect(row).toMatchObject({
      status: 'quarantined',
      outcome: 'The From address failed DMARC.',
      ticketId: t.ticket.id,
    });
    expect(await messagesOf(A.id, t.ticket.id)).toHaveLength(1);
  });
});

describe('npm run inbound (the gateway command, its main in this process)', () => {
  it('stores, waits for the real worker and prints the outcome; a duplicate says so; unknown workspace exits 67', async () => {
    const { startWorkers } = await import('@/jobs/start-workers');
    const { getQueue } = await import('@/server/queue/enqueue');
    const running = await startWorkers({ log: pino({ level: 'silent' }), checkSchedulersEveryMs: 0 });
    try {
      const sender = uniqueEmail('gateway');
      const raw = fixture('new-request.eml', { SENDER: sender, RUN: `cli-${RUN}` });
      const answer = await runInboundGateway({ workspace: A.slug, raw, waitSeconds: 30 });
      expect(answer.exitCode).toBe(0);
      expect(answer.line.outcome).toBe('new_ticket');
      const [ticket] = await runInTenant(A.id, ({ db }) =>
        db
          .select({ number: tickets.number, channel: tickets.channel })
          .from(tickets)
          .innerJoin(customers, eq(customers.id, tickets.requesterId))
          .where(eq(customers.email, sender)),
      );
      expect(answer.line).toMatchObject({ outcome: 'new_ticket', ticket: ticket!.number });
      expect(ticket!.channel).toBe('email');

      const again = await runInboundGateway({ workspace: A.slug, raw, waitSeconds: 30 });
      expect(again).toMatchObject({ exitCode: 0, line: { outcome: 'ignored', reason: 'duplicate' } });

      const unknown = await runInboundGateway({ workspace: `no-such-${RUN}`, raw, waitSeconds: 1 });
      expect(unknown.exitCode).toBe(67);
      const empty = await runInboundGateway({ workspace: A.slug, raw: new Uint8Array(), waitSeconds: 1 });
      expect(empty.exitCode).toBe(65);
    } finally {
      for (const key of [
        'outbox-sweep',
        'sla-sweep',
        'automation-time-rules',
        'privacy-sweep',
        'privacy-retention',
        'imap-sweep',
        'reports-weekly-digest',
      ])
        await getQueue('maintenance').removeJobScheduler(key);
      await running.stop();
    }
  }, 90_000);
});

/** `npm run --silent inbound -- <workspace>` as a mail server runs it: stdin in, one JSON line and an exit code out. */
function runGatewayProcess(slug: string, raw: Uint8Array, env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string }>((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'inbound', '--', slug], {
      cwd: path.join(import.meta.dirname, '../..'),
      env: { ...process.env, LOG_LEVEL: 'silent', ...env },
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout }));
    child.stdin.end(Buffer.from(raw));
  });
}

// The embedded database is owned by this test process (one process per data folder), so the separate process
// runs only against a Postgres server; in embedded mode the command's main is covered above, in-process.
describe.skipIf(process.env.CAIRN_EMBEDDED === 'true')('npm run inbound as a separate process (Postgres mode)', () => {
  it('exits 0 once stored (queued when nobody processes it in time) and 75 when it cannot store', async () => {
    const sender = uniqueEmail('process');
    const raw = fixture('new-request.eml', { SENDER: sender, RUN: `process-${RUN}` });
    // Two cold starts of tsx, independent of each other: side by side rather than one after the other.
    const [stored, down] = await Promise.all([
      runGatewayProcess(A.slug, raw, { INBOUND_WAIT_SECONDS: '0' }),
      runGatewayProcess(A.slug, raw, {
        DATABASE_URL: 'postgres://postgres@127.0.0.1:1/unreachable',
        DATABASE_APP_URL: 'postgres://postgres@127.0.0.1:1/unreachable',
      }),
    ]);
    expect(stored.code).toBe(0);
    const line = JSON.parse(stored.stdout.trim()) as { outcome: string; id: string };
    expect(line.outcome).toBe('queued');
    expect(await inboundRow(A.id, line.id)).toMatchObject({ status: 'pending' });
    await processInboundMessage(A.id, line.id, { resolver: offlineResolver });
    expect(await inboundRow(A.id, line.id)).toMatchObject({ status: 'processed', outcome: 'new_ticket' });

    expect(down.code).toBe(75);
    expect(JSON.parse(down.stdout.trim())).toMatchObject({ outcome: 'error' });
  }, 120_000);
});

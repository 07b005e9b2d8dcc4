import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as openTicketLinkRoute } from '@/app/[workspace]/portal/access/route';
import { POST as postGuestRequest } from '@/app/api/guest-requests/[workspace]/route';
import { env } from '@/lib/env';
import { PEER_ADDRESS_HEADER } from '@/server/auth/peer-address';
import { resolveCaller } from '@/server/auth/resolve-caller';
import { attachments, customers, tickets } from '@/server/db/schema';
import { runInTenant } from '@/server/db/tenant';
import { callerFor } from '../helpers/caller';
import { createTestCustomer, createWorkspace, uniqueEmail, type TestWorkspace } from '../helpers/factories';
import { deliverPending } from '../helpers/notification-mail';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp';

// "Submit a request" without signing in, through the real route handler: the ticket is created at once,
// the confirmation mail's link signs its reader into that ticket, and bots, floods and bad input file nothing.

let W: TestWorkspace;
let smtp: TestSmtpServer;

beforeAll(async () => {
  W = await createWorkspace();
  smtp = await startSmtpServer();
});
afterAll(() => smtp.close());

/** A fresh client address (its own /64) per request or case, so one case's limit does not spend another's. */
const ipv6 = () => `2001:db8:${randomBytes(2).toString('hex')}:${randomBytes(2).toString('hex')}::1`;

function guestPost(fields: Record<string, string>, opts: { ip?: string; files?: File[]; slug?: string } = {}) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  for (const file of opts.files ?? []) form.append('attachments', file);
  const slug = opts.slug ?? W.slug;
  const req = new Request(`${env.APP_URL}/api/guest-requests/${slug}`, {
    method: 'POST',
    body: form,
    headers: { [PEER_ADDRESS_HEADER]: opts.ip ?? ipv6() },
  });
  return postGuestRequest(req, { params: Promise.resolve({ workspace: slug }) });
}

const request = (email: string, extra: Record<string, string> = {}) => ({
  name: 'Robin Guest',
  email,
  subject: 'The export button does nothing',
  body: 'I click Export on the reports page and nothing downloads.',
  ...extra,
});

const ticketsOf = (email: string) =>
  runInTenant(W.id, ({ db }) =>
    db
      .select({ id: tickets.id, channel: tickets.channel, subject: tickets.subject, requesterId: tickets.requesterId })
      .from(tickets)
      .innerJoin(customers, eq(customers.id, tickets.requesterId))
      .where(eq(customers.email, email)),
  );

describe('a guest files from the portal', () => {
  it('creates the ticket at once, with its file; the mail carries a link that opens that ticket only', async () => {
    const email = uniqueEmail('guest');
    const file = new File(['order 1234, exported at noon'], 'notes.txt', { type: 'text/plain' });
    const res = await guestPost(request(email.toUpperCase()), { files: [file] });
    expect(res.status).toBe(201);
    // No ticket number or link in the answer: whoever typed the address may not own it.
    expect(await res.json()).toEqual({ received: true, email });

    const [ticket] = await ticketsOf(email);
    expect(ticket).toMatchObject({ channel: 'web', subject: 'The export button does nothing' });
    const files = await runInTenant(W.id, ({ db }) =>
      db.select().from(attachments).where(eq(attachments.ticketId, ticket!.id)),
    );
    expect(files.map((f) => [f.filename, f.uploadedByCustomerId])).toEqual([['notes.txt', ticket!.requesterId]]);

    await deliverPending(W.id);
    const mail = await smtp.waitForMailTo(email);
    const link = mail.text.match(/https?:\/\/\S+\/portal\/access\?token=[\w.-]+/)?.[0];
    expect(link).toBeDefined();

    const opened = await openTicketLinkRoute(new NextRequest(link!), {
      params: Promise.resolve({ workspace: W.slug }),
    });
    expect(opened.headers.get('location')).toBe(`/${W.slug}/portal/tickets/${ticket!.id}`);
    const cookie = opened.headers.get('set-cookie')!.split(';')[0]!;
    const caller = await resolveCaller({ headers: new Headers({ cookie }), portal: W.slug });
    expect(caller).toMatchObject({ kind: 'customer', customerId: ticket!.requesterId, onlyTicketId: ticket!.id });
    const seen = await callerFor({
      portal: { tenantId: W.id, customerId: ticket!.requesterId, ticketId: ticket!.id },
    }).portal.ticket({ ticketId: ticket!.id });
    expect(seen.messages.map((m) => m.attachments.map((a) => a.filename))).toEqual([['notes.txt']]);
  });

  it('files under an existing customer without renaming them; signed in, they still see all their tickets', async () => {
    const known = await createTestCustomer(W.id, { name: 'Dana Known' });
    const earlier = await callerFor({ portal: { tenantId: W.id, customerId: known.id } }).portal.createTicket({
      subject: 'An earlier question',
      body: 'Filed while signed in.',
      attachmentIds: [],
    });
    const res = await guestPost(request(known.email, { name: 'Someone Else' }));
    expect(res.status).toBe(201);
    const [row] = await runInTenant(W.id, ({ db }) => db.select().from(customers).where(eq(customers.id, known.id)));
    expect(row!.name).toBe('Dana Known');
    const mine = await callerFor({ portal: { tenantId: W.id, customerId: known.id } }).portal.tickets({});
    expect(mine.items.map((t) => t.subject).sort()).toEqual(['An earlier question', 'The export button does nothing']);
    expect(mine.items.map((t) => t.id)).toContain(earlier.id);
  });

  it('a bot that fills the honeypot is answered as if filed, and nothing is stored', async () => {
    const email = uniqueEmail('bot');
    const res = await guestPost(request(email, { website: 'https://spam.example' }));
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ received: true, email });
    expect(await ticketsOf(email)).toEqual([]);
    const stored = await runInTenant(W.id, ({ db }) => db.select().from(customers).where(eq(customers.email, email)));
    expect(stored).toEqual([]);
  });

  it('bad input is a 400 naming the field; an unknown workspace a 404; nothing is filed', async () => {
    const email = uniqueEmail('typo');
    const cases: Array<[Record<string, string>, string]> = [
      [request('not-an-address'), 'email'],
      [request(email, { subject: 'ok' }), 'subject'],
      [request(email, { body: '   ' }), 'body'],
      [request(email, { name: '' }), 'name'],
    ];
    for (const [fields, field] of cases) {
      const res = await guestPost(fields);
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: string; field: string };
      expect(body.field).toBe(field);
      expect(body.error.length).toBeGreaterThan(10);
    }
    const bad = await guestPost(request(email), {
      files: [new File([new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 1, 2, 3])], 'tool.exe')],
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toContain('not a supported file type');
    expect(await ticketsOf(email)).toEqual([]);
    expect((await guestPost(request(email), { slug: 'no-such-help-center' })).status).toBe(404);
    const notMultipart = await postGuestRequest(
      new Request(`${env.APP_URL}/api/guest-requests/${W.slug}`, { method: 'POST', body: '{}' }),
      { params: Promise.resolve({ workspace: W.slug }) },
    );
    expect(notMultipart.status).toBe(400);
  });

  it('limits requests per address and per client address (429, with nothing filed past the limit)', async () => {
    const email = uniqueEmail('flood');
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await guestPost(request(email), { ip: ipv6() })).status);
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
    expect(await ticketsOf(email)).toHaveLength(5);

    const ip = ipv6();
    const fromOneIp = [];
    for (let i = 0; i < 11; i++) fromOneIp.push((await guestPost(request(uniqueEmail('office')), { ip })).status);
    expect(fromOneIp.slice(0, 10).every((s) => s === 201)).toBe(true);
    expect(fromOneIp[10]).toBe(429);
  });
});

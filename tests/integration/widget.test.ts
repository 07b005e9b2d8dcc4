import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as getButton } from '@/app/api/widget/[workspace]/config/route';
import { POST as postRequest } from '@/app/api/widget/[workspace]/requests/route';
import { attachments, outbox, tickets, widgetSettings } from '@/server/db/schema';
import { runInTenant } from '@/server/db/tenant';
import { widgetAllowedOrigins } from '@/server/services/widget/allowed-origins';
import { callerFor } from '../helpers/caller';
import { createWorkspace, uniqueEmail, uniqueSuffix, type TestWorkspace } from '../helpers/factories';
import { createTestArticle, linkTestHelpPath } from '../helpers/help-factories';
import { setUpTestWidget, widgetRequestBody } from '../helpers/widget-factories';
import { PEER_ADDRESS_HEADER } from '@/server/auth/peer-address';

// The support widget end to end below the browser: settings, the origin gate, identity verification, filing
// with context through the real route handler (real database, real file store), and the tenant wall.

const HOST = 'https://app.host-product.test';
let A: TestWorkspace;
let B: TestWorkspace;
let signA: (userId: string) => string;
let secretB: string;
const anonymous = callerFor();
let articleId: string;

const button = (slug: string, origin: string | null) =>
  getButton(
    new Request(`http://localhost/api/widget/${slug}/config`, {
      headers: { ...(origin ? { origin } : {}), [PEER_ADDRESS_HEADER]: `10.9.${Math.floor(Math.random() * 250)}.1` },
    }),
    { params: Promise.resolve({ workspace: slug }) },
  );
const file = (slug: string, payload: unknown, files: Parameters<typeof widgetRequestBody>[1] = []) =>
  postRequest(
    new Request(`http://localhost/api/widget/${slug}/requests`, {
      method: 'POST',
      body: widgetRequestBody(payload, files),
      headers: { [PEER_ADDRESS_HEADER]: `10.8.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` },
    }),
    { params: Promise.resolve({ workspace: slug }) },
  );

beforeAll(async () => {
  A = await createWorkspace();
  B = await createWorkspace();
  ({ sign: signA } = await setUpTestWidget(A, [HOST]));
  ({ secret: secretB } = await setUpTestWidget(B, ['https://other-host.test']));
  const article = await createTestArticle(
    A.id,
    { userId: A.owner.userId, role: 'owner' },
    {
      title: `Exporting invoices ${uniqueSuffix()}`,
    },
  );
  articleId = article.id;
  await linkTestHelpPath(A.id, '/billing', [article.id]);
});

describe('widget settings', () => {
  it('saves what the admin chose and never reads the secret back', async () => {
    const owner = callerFor({ userId: A.owner.userId, workspaceId: A.id });
    const settings = await owner.widgetSettings.get();
    expect(settings).toMatchObject({ allowedOrigins: [HOST], color: '#112233', hasSecret: true, rotating: false });
    expect(settings).not.toHaveProperty('secret');
    expect(settings).not.toHaveProperty('previousSecret');
  });

  it('refuses an origin with a path, saying what to write, and changes nothing', async () => {
    const owner = callerFor({ userId: A.owner.userId, workspaceId: A.id });
    const before = await owner.widgetSettings.get();
    await expect(
      owner.widgetSettings.update({ ...before, allowedOrigins: ['https://app.example.com/dashboard'] }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('scheme and host only') });
    expect((await owner.widgetSettings.get()).allowedOrigins).toEqual([HOST]);
  });
});

describe('the origin gate', () => {
  it('answers the loader on an allowed origin only, with CORS for that origin', async () => {
    const allowed = await button(A.slug, HOST);
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(HOST);
    expect(await allowed.json()).toMatchObject({ color: '#112233', position: 'bottom-right' });

    const elsewhere = await button(A.slug, 'https://evil.test');
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.headers.get('access-control-allow-origin')).toBeNull();
    expect((await elsewhere.json()).error).toContain('Admin → Widget');
    expect((await button(A.slug, null)).status).toBe(403);
  });

  it("frames the panel for the workspace's own origins only (the proxy's frame-ancestors)", async () => {
    expect(await widgetAllowedOrigins(A.slug)).toEqual([HOST]);
    expect(await widgetAllowedOrigins(B.slug)).not.toContain(HOST);
    expect(await widgetAllowedOrigins(`missing-${uniqueSuffix()}`)).toEqual([]);
  });
});

describe('filing a request', () => {
  it('files a widget ticket with its context and attachment, and queues the usual ticket.created', async () => {
    const email = uniqueEmail('visitor');
    const response = await file(
      A.slug,
      {
        email,
        name: 'Vera Visitor',
        subject: 'Export fails on the billing page',
        message: 'The CSV export spins forever.',
        context: {
          pageUrl: `${HOST}/billing?tab=invoices`,
          pageTitle: 'Billing · Host',
          referrer: `${HOST}/home`,
          userAgent:
            'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
          locale: 'de-DE',
          timeZone: 'Europe/Berlin',
          screen: '1440x900',
          custom: { plan: 'pro', seats: 12 },
          viewedArticles: ['Exporting invoices'],
          sessionId: 'panel-1',
        },
      },
      [{ name: 'console.txt', bytes: 'TypeError: export is undefined', type: 'text/plain' }],
    );
    expect(response.status).toBe(201);
    const filed = (await response.json()) as { ticketId: string; displayNumber: string };
    expect(filed.displayNumber).toBeTruthy();

    const [ticket] = await runInTenant(A.id, ({ db }) =>
      db.select().from(tickets).where(eq(tickets.id, filed.ticketId)),
    );
    expect(ticket).toMatchObject({ channel: 'widget', subject: 'Export fails on the billing page' });
    expect(ticket!.context).toEqual({
      page_url: `${HOST}/billing?tab=invoices`,
      page_title: 'Billing · Host',
      referrer: `${HOST}/home`,
      browser: 'Chrome 131',
      os: 'macOS',
      locale: 'de-DE',
      time_zone: 'Europe/Berlin',
      screen: '1440x900',
      viewed_articles: 'Exporting invoices',
      widget_session: 'panel-1',
      'custom.plan': 'pro',
      'custom.seats': '12',
    });
    const files = await runInTenant(A.id, ({ db }) =>
      db.select().from(attachments).where(eq(attachments.ticketId, filed.ticketId)),
    );
    expect(files.map((f) => f.filename)).toEqual(['console.txt']);
    const events = await runInTenant(A.id, ({ db }) => db.select().from(outbox).where(eq(outbox.tenantId, A.id)));
    const created = events.filter((e) => JSON.stringify(e).includes('ticket.created'));
    expect(created.some((e) => JSON.stringify(e.payload).includes(filed.ticketId))).toBe(true);
  });

  it('says what to fix when the form is incomplete, and stores nothing', async () => {
    const count = async () => (await runInTenant(A.id, ({ db }) => db.select({ id: tickets.id }).from(tickets))).length;
    const before = await count();
    const noEmail = await file(A.slug, { subject: 'Help please', message: 'Hi' });
    expect(noEmail.status).toBe(400);
    expect((await noEmail.json()).error).toContain('email');
    const shortSubject = await file(A.slug, { email: uniqueEmail(), subject: 'x', message: 'Hi' });
    expect(shortSubject.status).toBe(400);
    const notJson = await postRequest(
      new Request(`http://localhost/api/widget/${A.slug}/requests`, { method: 'POST', body: 'nope' }),
      { params: Promise.resolve({ workspace: A.slug }) },
    );
    expect(notJson.status).toBe(400);
    expect(await count()).toBe(before);
  });
});

describe('identity', () => {
  const userId = `host-user-${uniqueSuffix()}`;
  const email = uniqueEmail('known');
  let ticketId: string;

  beforeAll(async () => {
    const response = await file(A.slug, {
      identity: { id: userId, email, name: 'Kim Known', signature: signA(userId) },
      subject: 'Signed visitor request',
      message: 'From a verified visitor',
    });
    ticketId = ((await response.json()) as { ticketId: string }).ticketId;
  });

  it('shows a verified visitor their conversations and lets them reply', async () => {
    const identity = { id: userId, signature: signA(userId) };
    const config = await anonymous.widget.config({ workspace: A.slug, identity, path: '/billing' });
    expect(config.identified).toBe(true);
    expect(config.articles.map((a) => a.id)).toEqual([articleId]);
    const list = await anonymous.widget.conversations({ workspace: A.slug, identity });
    expect(list.items.map((t) => t.id)).toEqual([ticketId]);
    await anonymous.widget.reply({ workspace: A.slug, identity, ticketId, body: 'Any news?' });
    const thread = await anonymous.widget.conversation({ workspace: A.slug, identity, ticketId });
    expect(thread.messages.map((m) => m.body)).toEqual(['From a verified visitor', 'Any news?']);
  });

  it('treats a forged, unsigned or other-workspace signature as anonymous: nothing is shown', async () => {
    const forged = [
      { id: userId, signature: '0'.repeat(64) },
      { id: userId },
      { id: userId, signature: signA(`${userId}x`) },
      {
        id: userId,
        signature: (await import('@/server/services/widget/widget-identity')).signWidgetUserId(secretB, userId),
      },
    ];
    for (const identity of forged) {
      expect((await anonymous.widget.config({ workspace: A.slug, identity })).identified).toBe(false);
      expect((await anonymous.widget.conversations({ workspace: A.slug, identity })).items).toEqual([]);
      await expect(anonymous.widget.conversation({ workspace: A.slug, identity, ticketId })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      await expect(
        anonymous.widget.reply({ workspace: A.slug, identity, ticketId, body: 'let me in' }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    const thread = await runInTenant(A.id, ({ db }) => db.select().from(tickets).where(eq(tickets.id, ticketId)));
    expect(thread[0]!.messageCount).toBe(2);
  });

  it('keeps the previous secret valid during a rotation, and only until it ends', async () => {
    const owner = callerFor({ userId: A.owner.userId, workspaceId: A.id });
    const oldSignature = signA(userId);
    const rotated = await owner.widgetSettings.rotateSecret();
    expect(rotated.rotating).toBe(true);
    const identity = { id: userId, signature: oldSignature };
    expect((await anonymous.widget.conversations({ workspace: A.slug, identity })).items).toHaveLength(1);
    await owner.widgetSettings.endRotation();
    expect((await anonymous.widget.conversations({ workspace: A.slug, identity })).items).toEqual([]);
    const { signWidgetUserId } = await import('@/server/services/widget/widget-identity');
    const fresh = { id: userId, signature: signWidgetUserId(rotated.secret, userId) };
    expect((await anonymous.widget.conversations({ workspace: A.slug, identity: fresh })).items).toHaveLength(1);
    signA = (id) => signWidgetUserId(rotated.secret, id);
  });

  it("never attaches a signed id to another customer's email", async () => {
    const victimEmail = uniqueEmail('victim');
    await file(A.slug, { email: victimEmail, subject: 'Victim ticket', message: 'private' });
    const attacker = `attacker-${uniqueSuffix()}`;
    const identity = { id: attacker, email: victimEmail, signature: signA(attacker) };
    await file(A.slug, { identity, subject: 'Attacker files', message: 'as the victim address' });
    const list = await anonymous.widget.conversations({ workspace: A.slug, identity });
    expect(list.items.map((t) => t.subject)).not.toContain('Victim ticket');
  });
});

describe('isolation', () => {
  it("B's settings are invisible from A's transaction, and B's owner cannot read A's", async () => {
    const fromA = await runInTenant(A.id, ({ db }) =>
      db.select().from(widgetSettings).where(eq(widgetSettings.tenantId, B.id)),
    );
    expect(fromA).toEqual([]);
    const ownerB = callerFor({ userId: B.owner.userId, workspaceId: B.id });
    expect((await ownerB.widgetSettings.get()).allowedOrigins).toEqual(['https://other-host.test']);
  });
});

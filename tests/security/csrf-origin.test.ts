import { eq } from 'drizzle-orm';
import type { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { POST as upload } from '@/app/api/attachments/route';
import { POST as trpcPost } from '@/app/api/trpc/[trpc]/route';
import { workspaceDomains } from '@/server/db/schema';
import { runInTenant } from '@/server/db/tenant';
import { addTestDomain, createTestCustomer, createWorkspace, type TestWorkspace } from '../helpers/factories';
import { createTestArticle } from '../helpers/help-factories';
import { portalCookieHeader } from '../helpers/portal-cookie';
import { PNG_BYTES } from '../helpers/ticket-factories';
import { appOrigin, fromPage, throughProxy } from '../helpers/through-proxy';

// Hole 9: mutations and uploads did not check Origin; only SameSite=Lax stood between them and CSRF.
// Every state-changing request passes proxy.ts, where checkRequestOrigin decides.

let ws: TestWorkspace;
let articleId: string;
let verifiedDomain: string;
let unverifiedDomain: string;
let portalCookie: string;

beforeAll(async () => {
  ws = await createWorkspace();
  articleId = (await createTestArticle(ws.id, { userId: ws.owner.userId, role: 'owner' })).id;
  verifiedDomain = (await addTestDomain(ws.id)).domain;
  unverifiedDomain = (await addTestDomain(ws.id)).domain;
  await runInTenant(ws.id, (scope) =>
    scope.db
      .update(workspaceDomains)
      .set({ verifiedAt: new Date() })
      .where(eq(workspaceDomains.domain, verifiedDomain)),
  );
  portalCookie = await portalCookieHeader(ws.slug, {
    tenantId: ws.id,
    customerId: (await createTestCustomer(ws.id)).id,
  });
});

const vote = (headers: Record<string, string>, base?: string) =>
  throughProxy(
    `${base ?? appOrigin()}/api/trpc/help.feedback`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ json: { workspace: ws.slug, articleId, helpful: true } }),
    },
    (req: NextRequest) => trpcPost(req),
  );

describe('tRPC mutations', () => {
  it('refuses a post from another site with 403 and a message saying why', async () => {
    const { response, reachedHandler } = await vote(fromPage('https://attacker.example'));
    expect(response.status).toBe(403);
    expect(reachedHandler).toBe(false);
    expect((await response.json()).error).toContain('another site (https://attacker.example)');
  });

  it('refuses an opaque origin (sandboxed frame, data: URL)', async () => {
    expect((await vote(fromPage('null'))).response.status).toBe(403);
  });

  it('refuses a sibling site that shares the cookie scope (same-site, different origin)', async () => {
    const sibling = new URL(appOrigin());
    sibling.port = '4444';
    expect((await vote(fromPage(sibling.origin, 'same-site'))).response.status).toBe(403);
  });

  it('accepts the app origin', async () => {
    const { response, reachedHandler } = await vote(fromPage(appOrigin(), 'same-origin'));
    expect(reachedHandler).toBe(true);
    expect(response.status).toBe(200);
  });

  it('accepts a client that is not a browser (no Origin, no Sec-Fetch-Site)', async () => {
    expect((await vote({})).response.status).toBe(200);
  });
});

describe('custom domains', () => {
  const onDomain = (domain: string, origin: string) =>
    vote({ ...fromPage(origin, 'same-origin'), host: domain }, `http://${domain}`);

  it('accept a verified domain posting to itself', async () => {
    expect(
      (await onDomain(verifiedDomain, `${new URL(appOrigin()).protocol}//${verifiedDomain}`)).response.status,
    ).toBe(200);
  });

  it('refuse a domain that was added but never verified', async () => {
    expect(
      (await onDomain(unverifiedDomain, `${new URL(appOrigin()).protocol}//${unverifiedDomain}`)).response.status,
    ).toBe(403);
  });

  it('refuse a verified domain posting to the app host', async () => {
    const { response } = await vote(fromPage(`${new URL(appOrigin()).protocol}//${verifiedDomain}`, 'cross-site'));
    expect(response.status).toBe(403);
  });
});

describe('other state-changing requests', () => {
  it('refuses a cross-site upload before the file is read', async () => {
    const form = new FormData();
    form.set('file', new File([PNG_BYTES], 'x.png'));
    const { response, reachedHandler } = await throughProxy(
      `/api/attachments?portal=${ws.slug}`,
      { method: 'POST', headers: { cookie: portalCookie, ...fromPage('https://attacker.example') }, body: form },
      (req) => upload(req),
    );
    expect(response.status).toBe(403);
    expect(reachedHandler).toBe(false);
  });

  it('accepts an upload from the portal page', async () => {
    const form = new FormData();
    form.set('file', new File([PNG_BYTES], 'x.png'));
    const { response } = await throughProxy(
      `/api/attachments?portal=${ws.slug}`,
      { method: 'POST', headers: { cookie: portalCookie, ...fromPage(appOrigin(), 'same-origin') }, body: form },
      (req) => upload(req),
    );
    expect(response.status).toBe(201);
  });

  it('refuses a cross-site server action and a cross-site Auth.js post', async () => {
    const action = await throughProxy(
      '/signin',
      { method: 'POST', headers: { 'next-action': 'abc123', ...fromPage('https://attacker.example') } },
      async () => new Response(null, { status: 200 }),
    );
    expect(action.response.status).toBe(403);
    const authPost = await throughProxy(
      '/api/auth/signout',
      { method: 'POST', headers: fromPage('https://attacker.example') },
      async () => new Response(null, { status: 200 }),
    );
    expect(authPost.response.status).toBe(403);
  });

  it('lets reads through from anywhere (links, images, prefetch)', async () => {
    const { reachedHandler } = await throughProxy(
      `/${ws.slug}/help`,
      { method: 'GET', headers: fromPage('https://attacker.example') },
      async () => new Response(null, { status: 200 }),
    );
    expect(reachedHandler).toBe(true);
  });
});

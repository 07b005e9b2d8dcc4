import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PORTAL_WORKSPACE_HEADER } from '@/server/auth/resolve-caller';
import { articles } from '@/server/db/schema';
import { runInTenant } from '@/server/db/tenant';
import { handleTrpcRequest } from '@/server/trpc/handle-trpc-request';
import { serveTrpcOverNode, TRPC_PATH } from '@/server/trpc/serve-node';
import { createTestCustomer, createWorkspace, type TestWorkspace } from '../helpers/factories';
import { createTestArticle } from '../helpers/help-factories';
import { portalCookieHeader } from '../helpers/portal-cookie';
import { appOrigin, fromPage } from '../helpers/through-proxy';

// The production server answers tRPC calls itself, before Next (scripts/serve-web.ts). These calls go over a
// real socket to that path and check it keeps what the Next route gives: the origin check, who is calling
// (cookies), the security headers, limits, and streamed subscriptions.

let server: Server;
let base: string;
let ws: TestWorkspace;
let articleId: string;
let customer: { id: string; email: string };
let portalCookie: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url?.startsWith(TRPC_PATH)) void serveTrpcOverNode(handleTrpcRequest, req, res);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  ws = await createWorkspace();
  articleId = (await createTestArticle(ws.id, { userId: ws.owner.userId, role: 'owner' })).id;
  customer = await createTestCustomer(ws.id);
  portalCookie = await portalCookieHeader(ws.slug, { tenantId: ws.id, customerId: customer.id });
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const votesOnArticle = () =>
  runInTenant(ws.id, async (scope) => {
    const [row] = await scope.db.select({ yes: articles.helpfulYes }).from(articles).where(eq(articles.id, articleId));
    return row!.yes;
  });

const vote = (headers: Record<string, string>, body?: string) =>
  fetch(`${base}/api/trpc/help.feedback`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: body ?? JSON.stringify({ json: { workspace: ws.slug, articleId, helpful: true } }),
  });

describe('tRPC answered by our own Node server', () => {
  it('refuses a mutation from another site with 403, a message saying why, and nothing stored', async () => {
    const before = await votesOnArticle();
    const response = await vote(fromPage('https://attacker.example'));
    expect(response.status).toBe(403);
    expect((await response.json()).error).toContain('another site (https://attacker.example)');
    expect(await votesOnArticle()).toBe(before);
  });

  it('accepts the same mutation from the app’s own pages, and it is stored', async () => {
    const before = await votesOnArticle();
    const response = await vote(fromPage(appOrigin(), 'same-origin'));
    expect(response.status).toBe(200);
    expect(await votesOnArticle()).toBe(before + 1);
  });

  it('refuses a body over the limit with 413, nothing stored', async () => {
    const before = await votesOnArticle();
    const padding = 'x'.repeat(2 * 1024 * 1024);
    const response = await vote(
      fromPage(appOrigin(), 'same-origin'),
      JSON.stringify({ json: { workspace: ws.slug, articleId, helpful: true, padding } }),
    );
    expect(response.status).toBe(413);
    expect(await votesOnArticle()).toBe(before);
  });

  it('sends the security headers and a request id, and answers a caller with no session 401', async () => {
    const response = await fetch(`${base}/api/trpc/workspace.current`);
    expect(response.status).toBe(401);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('reads who is calling from the cookies: a portal customer sees their own account', async () => {
    const response = await fetch(`${base}/api/trpc/portal.me`, {
      headers: { cookie: portalCookie, [PORTAL_WORKSPACE_HEADER]: ws.slug },
    });
    expect(response.status).toBe(200);
    const { result } = await response.json();
    expect(result.data.json).toMatchObject({ id: customer.id, email: customer.email });
  });

  it('streams a subscription as server-sent events', async () => {
    const input = encodeURIComponent(JSON.stringify({ json: { workspace: ws.slug } }));
    const response = await fetch(`${base}/api/trpc/widget.events?input=${input}`, {
      headers: { accept: 'text/event-stream' },
      signal: AbortSignal.timeout(10_000),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    // An anonymous visitor has no tickets to watch: the stream says it is connected, then ends.
    const text = await response.text();
    expect(text).toContain('event: connected');
  });
});

import { randomUUID } from 'node:crypto';
import { encode } from 'next-auth/jwt';
import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as openTicketLinkRoute } from '@/app/[workspace]/portal/access/route';
import { GET as downloadAttachment } from '@/app/api/attachments/[attachmentId]/route';
import { env } from '@/lib/env';
import { portalCookieName, signTicketLink } from '@/server/auth/portal-session';
import { PORTAL_WORKSPACE_HEADER, resolveCaller, VISITOR_COOKIE, WORKSPACE_COOKIE } from '@/server/auth/resolve-caller';
import { startStaffSession } from '@/server/services/auth/sessions';
import { addMember, createTestCustomer, createWorkspace, type TestWorkspace } from '../helpers/factories';
import { portalCookieHeader } from '../helpers/portal-cookie';

// One resolveCaller() for tRPC, server components and route handlers: who each kind of request speaks as.
// Real Auth.js cookies, real portal cookies, the real database.

const STAFF_COOKIE = 'authjs.session-token';
let A: TestWorkspace;
let B: TestWorkspace;
let customerId: string;

async function staffCookie(userId: string) {
  const sid = await startStaffSession({ userId, userAgent: 'test', ip: '127.0.0.1' });
  const token = await encode({
    token: { uid: userId, sid },
    secret: env.AUTH_SECRET!,
    salt: STAFF_COOKIE,
    maxAge: 3600,
  });
  return `${STAFF_COOKIE}=${token}`;
}

const request = (cookie: string, headers: Record<string, string> = {}, url = `${env.APP_URL}/api/x`) =>
  new Request(url, { headers: { cookie, ...headers } });

beforeAll(async () => {
  A = await createWorkspace();
  B = await createWorkspace();
  customerId = (await createTestCustomer(A.id)).id;
});

describe('resolveCaller', () => {
  it('a staff session is staff, with the membership of the workspace they chose', async () => {
    const member = await addMember(A.id, 'admin');
    await addMember(B.id, 'agent', { userId: member.userId });
    const cookie = await staffCookie(member.userId);
    const caller = await resolveCaller(request(`${cookie}; ${WORKSPACE_COOKIE}=${B.id}`));
    expect(caller).toMatchObject({ kind: 'staff', userId: member.userId, sessionId: expect.any(String) });
    if (caller.kind !== 'staff') throw new Error('expected staff');
    expect(await caller.membership()).toEqual({ tenantId: B.id, role: 'agent' });
    // An empty portal header names no portal: still the staff member.
    expect(await resolveCaller(request(cookie, { [PORTAL_WORKSPACE_HEADER]: '' }))).toMatchObject({ kind: 'staff' });
  });

  it("a request naming a portal is that portal's customer, by header or by ?portal= on a plain link", async () => {
    const cookie = await portalCookieHeader(A.slug, { tenantId: A.id, customerId });
    const expected = { kind: 'customer', tenantId: A.id, customerId, onlyTicketId: null };
    expect(await resolveCaller(request(cookie, { [PORTAL_WORKSPACE_HEADER]: A.slug }))).toEqual(expected);
    expect(await resolveCaller(request(cookie, {}, `${env.APP_URL}/api/x?portal=${A.slug}`))).toEqual(expected);
    const ticketId = randomUUID();
    const link = await portalCookieHeader(A.slug, { tenantId: A.id, customerId, ticketId });
    expect(await resolveCaller(request(link, { [PORTAL_WORKSPACE_HEADER]: A.slug }))).toEqual({
      ...expected,
      onlyTicketId: ticketId,
    });
  });

  it("a portal request with only a staff session is nobody there; another workspace's portal cookie is no session", async () => {
    const cookie = await staffCookie(A.owner.userId);
    expect(await resolveCaller(request(cookie, { [PORTAL_WORKSPACE_HEADER]: A.slug }))).toEqual({ kind: 'anonymous' });
    // A's session presented under B's cookie name, on B's portal: B never issued it.
    const foreign = (await portalCookieHeader(A.slug, { tenantId: A.id, customerId })).replace(A.slug, B.slug);
    expect(await resolveCaller(request(foreign, { [PORTAL_WORKSPACE_HEADER]: B.slug }))).toEqual({ kind: 'anonymous' });
    // Without the portal named, the portal cookie alone makes nobody a customer.
    const own = await portalCookieHeader(A.slug, { tenantId: A.id, customerId });
    expect(await resolveCaller(request(own))).toEqual({ kind: 'anonymous' });
  });

  it('an anonymous reader with our cookie is a visitor; anything but a uuid there is ignored', async () => {
    const visitorId = randomUUID();
    expect(await resolveCaller(request(`${VISITOR_COOKIE}=${visitorId}`))).toEqual({ kind: 'visitor', visitorId });
    expect(await resolveCaller(request(`${VISITOR_COOKIE}=not-a-uuid`))).toEqual({ kind: 'anonymous' });
  });
});

describe('route handlers resolve through it', () => {
  it('a cookie with a malformed escape is a 401 for a stranger, not a 500', async () => {
    const id = randomUUID();
    const res = await downloadAttachment(
      request('junk=%E0%A4%A; other=1', {}, `${env.APP_URL}/api/attachments/${id}`),
      {
        params: Promise.resolve({ attachmentId: id }),
      },
    );
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: expect.stringContaining('Sign in') });
  });
});

describe("the ticket link's access route asks resolveCaller who is already signed in", () => {
  const follow = async (slug: string, token: string, cookie = '') => {
    const req = new NextRequest(`${env.APP_URL}/${slug}/portal/access?token=${encodeURIComponent(token)}`, {
      headers: { cookie },
    });
    return openTicketLinkRoute(req, { params: Promise.resolve({ workspace: slug }) });
  };

  it('a customer with a full session keeps it; anyone else gets a one-ticket session; a foreign link opens nothing', async () => {
    const ticketId = randomUUID();
    const token = await signTicketLink({ tenantId: A.id, customerId, ticketId });

    const full = await portalCookieHeader(A.slug, { tenantId: A.id, customerId });
    const kept = await follow(A.slug, token, full);
    expect(kept.status).toBe(303);
    expect(kept.headers.get('location')).toBe(`/${A.slug}/portal/tickets/${ticketId}`);
    expect(kept.headers.get('set-cookie')).toBeNull();

    const stranger = await follow(A.slug, token);
    expect(stranger.headers.get('set-cookie')).toContain(portalCookieName(A.slug));

    // A's link on B's portal: B never issued it.
    const foreign = await follow(B.slug, token, full);
    expect(foreign.headers.get('location')).toBe(`/${B.slug}/portal?error=link`);
    expect(foreign.headers.get('set-cookie')).toBeNull();
  });
});

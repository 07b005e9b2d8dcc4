import { beforeAll, describe, expect, it } from 'vitest';
import { POST as portalSignOut } from '@/app/[workspace]/portal/signout/route';
import { portalCookieName } from '@/server/auth/portal-session';
import { createTestCustomer, createWorkspace, type TestWorkspace } from '../helpers/factories';
import { portalCookieHeader } from '../helpers/portal-cookie';
import { appOrigin, fromPage, throughProxy } from '../helpers/through-proxy';

// Hole 10: any site could sign a customer out of the portal with a cross-site form post to its sign-out.

let ws: TestWorkspace;
let cookie: string;

beforeAll(async () => {
  ws = await createWorkspace();
  const customer = await createTestCustomer(ws.id);
  cookie = await portalCookieHeader(ws.slug, { tenantId: ws.id, customerId: customer.id });
});

const signOut = (headers: Record<string, string>) =>
  throughProxy(`/${ws.slug}/portal/signout`, { method: 'POST', headers: { cookie, ...headers } }, (req) =>
    portalSignOut(req, { params: Promise.resolve({ workspace: ws.slug }) }),
  );

describe('portal sign-out', () => {
  it('refuses a cross-site post with 403 and leaves the session cookie alone', async () => {
    const { response, reachedHandler } = await signOut(fromPage('https://evil.example'));
    expect(response.status).toBe(403);
    expect(reachedHandler).toBe(false);
    expect(response.headers.get('set-cookie')).toBeNull();
    expect((await response.json()).error).toMatch(/another site \(https:\/\/evil\.example\)/);
  });

  it('refuses a cross-site post that hides its Origin (Sec-Fetch-Site only)', async () => {
    const { response } = await signOut({ 'sec-fetch-site': 'cross-site' });
    expect(response.status).toBe(403);
  });

  it("signs out from the portal's own page", async () => {
    const { response, reachedHandler } = await signOut(fromPage(appOrigin(), 'same-origin'));
    expect(reachedHandler).toBe(true);
    expect(response.status).toBe(303);
    expect(response.headers.get('set-cookie')).toMatch(new RegExp(`^${portalCookieName(ws.slug)}=;.*Max-Age=0`, 'i'));
  });
});

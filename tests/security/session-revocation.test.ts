import { describe, expect, it } from 'vitest';
import { callerFor } from '../helpers/caller';
import { copyOf, newBrowser, postCredentials, postSignOut, sessionOf, type Browser } from '../helpers/auth-http';
import { addMember, createWorkspace, TEST_PASSWORD } from '../helpers/factories';
import { setTestPassword } from '../helpers/session-isolation';

// Issue 9, hole 11: a staff session stayed valid for 30 days after signing out, a password change or removal
// from the workspace, because it lived only in a JWT cookie. Each session now has a row that every request
// checks; ending the row ends the session on its next request, wherever the cookie was copied to.

async function signIn(email: string, opts: { userAgent?: string } = {}) {
  const browser = newBrowser(opts);
  expect(await postCredentials(browser, email, TEST_PASSWORD)).toMatchObject({ path: '/agent', error: null });
  const session = await sessionOf(browser);
  expect(session?.user?.email).toBe(email);
  return { browser, userId: session!.user!.id!, sessionId: session!.sessionId! };
}

const signedIn = async (browser: Browser) => (await sessionOf(browser)) !== null;

describe('staff sessions end when they should', () => {
  it('signing out ends the session on the server, so a copied cookie is useless', async () => {
    const ws = await createWorkspace();
    const { browser } = await signIn(ws.owner.email);
    const stolen = copyOf(browser);
    await postSignOut(browser);
    expect(await signedIn(browser)).toBe(false);
    expect(await signedIn(stolen)).toBe(false);
  });

  it('a password change ends every session of the person', async () => {
    const ws = await createWorkspace();
    const laptop = await signIn(ws.owner.email);
    const phone = await signIn(ws.owner.email);
    await callerFor({ userId: laptop.userId, sessionId: laptop.sessionId }).account.changePassword({
      currentPassword: TEST_PASSWORD,
      newPassword: 'a brand new long passphrase',
    });
    expect([await signedIn(laptop.browser), await signedIn(phone.browser)]).toEqual([false, false]);
    expect(await postCredentials(newBrowser(), ws.owner.email, 'a brand new long passphrase')).toMatchObject({
      path: '/agent',
      error: null,
    });
  });

  it('removal from the workspace ends every session of the removed person', async () => {
    const ws = await createWorkspace();
    const agent = await addMember(ws.id, 'agent');
    await setTestPassword(agent.userId);
    const { browser } = await signIn(agent.email);
    const owner = await signIn(ws.owner.email);
    await callerFor({ userId: ws.owner.userId, workspaceId: ws.id }).member.remove({
      membershipId: agent.membershipId,
    });
    expect(await signedIn(browser)).toBe(false);
    expect(await signedIn(owner.browser)).toBe(true);
  });

  it('a person sees their sessions (device, address, last seen) and can end one', async () => {
    const ws = await createWorkspace();
    const laptop = await signIn(ws.owner.email, { userAgent: 'Mozilla/5.0 (Macintosh) Safari/605.1.15' });
    const phone = await signIn(ws.owner.email, { userAgent: 'Mozilla/5.0 (iPhone) Mobile Safari/604.1' });
    const me = callerFor({ userId: laptop.userId, sessionId: laptop.sessionId });

    const listed = await me.session.list();
    expect(listed).toHaveLength(2);
    expect(listed.find((s) => s.id === laptop.sessionId)).toMatchObject({
      current: true,
      userAgent: 'Mozilla/5.0 (Macintosh) Safari/605.1.15',
      ip: laptop.browser.peer,
      lastSeenAt: expect.any(Date),
    });
    expect(listed.find((s) => s.id === phone.sessionId)).toMatchObject({ current: false, ip: phone.browser.peer });

    await me.session.revoke({ sessionId: phone.sessionId });
    expect([await signedIn(laptop.browser), await signedIn(phone.browser)]).toEqual([true, false]);
    await expect(me.session.revoke({ sessionId: phone.sessionId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

import { eq } from 'drizzle-orm';
import { encode } from 'next-auth/jwt';
import { describe, expect, it } from 'vitest';
import { env } from '@/lib/env';
import { readStaffSession } from '@/server/auth/staff-session';
import { memberships, sessions } from '@/server/db/schema';
import { runInTenant, runWithoutTenant } from '@/server/db/tenant';
import { captureSql } from '../bench/sql-capture';
import { endStaffSession, startStaffSession, touchStaffSession } from '@/server/services/auth/sessions';
import { removeMember } from '@/server/services/member/members';
import { resolveMembership } from '@/server/services/member/resolve-membership';
import { createRequestContext } from '@/server/trpc/request-context';
import { addMember, asStaff, createWorkspace } from '../helpers/factories';

// What every authenticated call pays before its work: the session cookie, read without an auth() round,
// and the membership, kept a few seconds per session. Real Auth.js cookies, the real database.

const COOKIE = 'authjs.session-token';
const mint = (token: Record<string, unknown>, options: { secret?: string; maxAge?: number; salt?: string } = {}) =>
  encode({
    token,
    secret: options.secret ?? env.AUTH_SECRET!,
    salt: options.salt ?? COOKIE,
    maxAge: options.maxAge ?? 3600,
  });
const jar = (cookies: Record<string, string>) => (name: string) => cookies[name];

describe('the staff session cookie, decrypted directly', () => {
  /** A staff member with a live session row, as a sign-in leaves them; the cookie names both. */
  async function signedIn() {
    const ws = await createWorkspace();
    const userId = ws.owner.userId;
    const sid = await startStaffSession({ userId, userAgent: 'test', ip: '127.0.0.1' });
    return { userId, sid };
  }

  it('reads the user, the session and its version from a cookie Auth.js issued, over http and https', async () => {
    const { userId, sid } = await signedIn();
    const token = await mint({ uid: userId, sub: userId, sid, email: 'a@example.test' });
    const session = await readStaffSession(jar({ [COOKIE]: token }));
    expect(session).toMatchObject({ userId, sessionId: sid, version: expect.any(String) });
    const secure = await mint({ uid: userId, sid }, { salt: `__Secure-${COOKIE}` });
    expect(await readStaffSession(jar({ [`__Secure-${COOKIE}`]: secure }))).toMatchObject({ userId });
    // Split over two cookies, as Auth.js does above 4 KB.
    expect(
      await readStaffSession(jar({ [`${COOKIE}.0`]: token.slice(0, 100), [`${COOKIE}.1`]: token.slice(100) })),
    ).toMatchObject({ userId });

    const ctx = await createRequestContext(new Headers(), jar({ [COOKIE]: token }), () => undefined);
    expect(ctx.caller).toMatchObject({ kind: 'staff', userId, sessionId: sid, sessionVersion: session!.version });
  });

  it('no session from an expired, tampered, foreign-secret, misnamed or revoked cookie', async () => {
    const { userId, sid } = await signedIn();
    const token = await mint({ uid: userId, sid });
    const expired = await mint({ uid: userId, sid }, { maxAge: -60 });
    const foreign = await mint({ uid: userId, sid }, { secret: 'x'.repeat(40) });
    const tampered = `${token.slice(0, -4)}${token.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`;
    for (const value of [expired, foreign, tampered, 'not-a-jwt'])
      expect(await readStaffSession(jar({ [COOKIE]: value }))).toBeNull();
    // A cookie sealed for the https name does not open under the http one: the name is the key's salt.
    expect(
      await readStaffSession(jar({ [COOKIE]: await mint({ uid: userId, sid }, { salt: `__Secure-${COOKIE}` }) })),
    ).toBeNull();
    // A token without the user id or the session id the sign-in puts in names nobody.
    expect(await readStaffSession(jar({ [COOKIE]: await mint({ sid, email: 'a@example.test' }) }))).toBeNull();
    expect(await readStaffSession(jar({ [COOKIE]: await mint({ uid: userId }) }))).toBeNull();
    expect(await readStaffSession(jar({ [COOKIE]: token, other: 'x' }))).toMatchObject({ userId });
    // Signed out: the row is gone, so the same, still-valid cookie opens nothing.
    await endStaffSession(sid);
    expect(await readStaffSession(jar({ [COOKIE]: token }))).toBeNull();
  });
});

describe('the revocation check: one statement, no cache', () => {
  const MIN = 60_000;
  const rowOf = async (sid: string) =>
    (await runWithoutTenant((tx) => tx.select().from(sessions).where(eq(sessions.sessionToken, sid))))[0];
  const setRow = (sid: string, values: Partial<typeof sessions.$inferInsert>) =>
    runWithoutTenant((tx) => tx.update(sessions).set(values).where(eq(sessions.sessionToken, sid)));

  it('checks the session in one round trip (was begin, settings, select, commit), refreshes it now and then, refuses what it must', async () => {
    const ws = await createWorkspace();
    const userId = ws.owner.userId;
    const sid = await startStaffSession({ userId, userAgent: 'test', ip: '127.0.0.1' });
    const { result, statements } = await captureSql(() => touchStaffSession(sid, userId));
    expect(result).toBe(true);
    expect(statements).toHaveLength(1);

    // Seen a minute ago: nothing is written. Seen an hour ago: last seen and the 30-day expiry move to now.
    const aMinuteAgo = new Date(Date.now() - MIN);
    await setRow(sid, { lastSeenAt: aMinuteAgo, expires: new Date(Date.now() + 10 * MIN) });
    expect(await touchStaffSession(sid, userId)).toBe(true);
    expect((await rowOf(sid))!.lastSeenAt.getTime()).toBe(aMinuteAgo.getTime());
    await setRow(sid, { lastSeenAt: new Date(Date.now() - 60 * MIN) });
    expect(await touchStaffSession(sid, userId)).toBe(true);
    const touched = (await rowOf(sid))!;
    expect(Date.now() - touched.lastSeenAt.getTime()).toBeLessThan(MIN);
    expect(touched.expires.getTime() - Date.now()).toBeGreaterThan(29 * 24 * 60 * MIN);

    // The same one statement refuses another person's session id, an expired session and an ended one.
    const other = await addMember(ws.id, 'agent');
    expect(await touchStaffSession(sid, other.userId)).toBe(false);
    await setRow(sid, { expires: new Date(Date.now() - MIN), lastSeenAt: new Date(Date.now() - 60 * MIN) });
    expect(await touchStaffSession(sid, userId)).toBe(false);
    // Refused, and not revived: an expired row is not refreshed.
    expect((await rowOf(sid))!.expires.getTime()).toBeLessThan(Date.now());
    await setRow(sid, { expires: new Date(Date.now() + 10 * MIN) });
    expect(await touchStaffSession(sid, userId)).toBe(true);
    await endStaffSession(sid);
    expect(await touchStaffSession(sid, userId)).toBe(false);
  });
});

describe('the membership, kept a few seconds per session', () => {
  it("a session's answer is reused; another session looks again; a removal through the app applies at once", async () => {
    const ws = await createWorkspace();
    const member = await addMember(ws.id, 'agent');
    expect(await resolveMembership(member.userId, ws.id, 'session-a')).toEqual({ tenantId: ws.id, role: 'agent' });

    // Changed behind the app's back (as another process would): this session keeps its answer for a moment…
    await runInTenant(ws.id, ({ db }) =>
      db.update(memberships).set({ role: 'viewer' }).where(eq(memberships.id, member.membershipId)),
    );
    expect(await resolveMembership(member.userId, ws.id, 'session-a')).toEqual({ tenantId: ws.id, role: 'agent' });
    // …a new session, and any call without a session version (tests, internal callers), see the change.
    expect(await resolveMembership(member.userId, ws.id, 'session-b')).toEqual({ tenantId: ws.id, role: 'viewer' });
    expect(await resolveMembership(member.userId, ws.id)).toEqual({ tenantId: ws.id, role: 'viewer' });

    // Removed through the members service: this process forgets every cached answer about the user.
    await asStaff(ws.id, { userId: ws.owner.userId, role: 'owner' }, (scope) =>
      removeMember(scope, { membershipId: member.membershipId }),
    );
    expect(await resolveMembership(member.userId, ws.id, 'session-a')).toBeNull();
    expect(await resolveMembership(member.userId, ws.id, 'session-b')).toBeNull();
  });
});

import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { sessions, users } from '@/server/db/schema';
import { runWithoutTenant } from '@/server/db/tenant';
import { hashPassword } from '@/server/services/auth/password';
import { startStaffSession } from '@/server/services/auth/sessions';
import { callerFor, type Caller } from './caller';
import { TEST_PASSWORD, type TestWorkspace } from './factories';

// The account and session cases of tests/integration/cross-workspace.test.ts. These procedures act on the
// caller's own sign-in, not on a workspace: another person's session ids answer NOT_FOUND and nothing of
// theirs changes, whichever workspaces either belongs to.

type Side = { ws: TestWorkspace };
type Case = { kind: 'takes-id' | 'scoped' | 'tenant-independent' | 'portal'; why: string; run: () => Promise<void> };

/** A session row as signing in creates it. */
export const createTestSession = (userId: string, opts: { userAgent?: string; ip?: string } = {}) =>
  startStaffSession({
    userId,
    userAgent: opts.userAgent ?? 'Mozilla/5.0 (Test) Firefox/140.0',
    ip: opts.ip ?? '203.0.113.7',
  });

/** Gives a person TEST_PASSWORD (people from createUser have none). */
export async function setTestPassword(userId: string, password = TEST_PASSWORD) {
  const passwordHash = await hashPassword(password);
  await runWithoutTenant((tx) => tx.update(users).set({ passwordHash }).where(eq(users.id, userId)));
}

export const sessionExists = async (id: string) =>
  (await runWithoutTenant((tx) => tx.select().from(sessions).where(eq(sessions.sessionToken, id)))).length === 1;

export function sessionIsolationCases(sides: () => { A: Side; B: Side; asA: Caller }): Record<string, Case> {
  return {
    'account.changePassword': {
      kind: 'tenant-independent',
      why: "changes the caller's own password and ends only the caller's sessions",
      run: async () => {
        const { A, B } = sides();
        await setTestPassword(A.ws.owner.userId);
        const bSession = await createTestSession(B.ws.owner.userId);
        await callerFor({ userId: A.ws.owner.userId }).account.changePassword({
          currentPassword: TEST_PASSWORD,
          newPassword: `${TEST_PASSWORD} again`,
        });
        expect(await sessionExists(bSession)).toBe(true);
        await setTestPassword(A.ws.owner.userId);
      },
    },
    'session.list': {
      kind: 'tenant-independent',
      why: "lists the caller's own sessions only",
      run: async () => {
        const { A, B, asA } = sides();
        const mine = await createTestSession(A.ws.owner.userId);
        const theirs = await createTestSession(B.ws.owner.userId);
        const ids = (await asA.session.list()).map((s) => s.id);
        expect(ids).toContain(mine);
        expect(ids).not.toContain(theirs);
      },
    },
    'session.revoke': {
      kind: 'takes-id',
      why: "another person's session id answers NOT_FOUND and the session lives on",
      run: async () => {
        const { B, asA } = sides();
        const theirs = await createTestSession(B.ws.owner.userId);
        await expect(asA.session.revoke({ sessionId: theirs })).rejects.toMatchObject({ code: 'NOT_FOUND' });
        expect(await sessionExists(theirs)).toBe(true);
      },
    },
    'session.revokeOthers': {
      kind: 'tenant-independent',
      why: "ends the caller's other sessions, nobody else's",
      run: async () => {
        const { A, B } = sides();
        const current = await createTestSession(A.ws.owner.userId);
        const other = await createTestSession(A.ws.owner.userId);
        const theirs = await createTestSession(B.ws.owner.userId);
        await callerFor({ userId: A.ws.owner.userId, sessionId: current }).session.revokeOthers();
        expect([await sessionExists(current), await sessionExists(other), await sessionExists(theirs)]).toEqual([
          true,
          false,
          true,
        ]);
      },
    },
  };
}

import { randomUUID } from 'node:crypto';
import { and, desc, eq, gt, ne, sql } from 'drizzle-orm';
import { getDb, type Tx } from '@/server/db/client';
import { sessions } from '@/server/db/schema';
import { runWithoutTenant } from '@/server/db/tenant';
import { AppError } from '@/server/errors';

/**
 * Staff sessions: a row per signed-in browser, its id inside the session JWT. Checked on every request with
 * one primary-key read and no cache, so an ended session stops working on its next request.
 */
export const STAFF_SESSION_DAYS = 30;
const DAY_MS = 86_400_000;
// last_seen_at and the sliding expiry are written at most this often, so a busy session costs reads only.
const TOUCH_EVERY_MS = 5 * 60_000;

const expiresFrom = (now: Date) => new Date(now.getTime() + STAFF_SESSION_DAYS * DAY_MS);

export async function startStaffSession(input: { userId: string; userAgent: string | null; ip: string }) {
  const now = new Date();
  const id = randomUUID();
  await runWithoutTenant((tx) =>
    tx.insert(sessions).values({
      sessionToken: id,
      userId: input.userId,
      expires: expiresFrom(now),
      userAgent: input.userAgent?.slice(0, 500) ?? null,
      ip: input.ip,
      lastSeenAt: now,
    }),
  );
  return id;
}

/**
 * True while the session exists and has not expired; refreshes last seen (and the expiry) now and then.
 * Every staff request pays for this, so it is one statement on the pool, not a transaction (BEGIN, the
 * settings, the read, COMMIT: four round trips for one primary-key read). `sessions` is not a tenant table
 * (no RLS, no tenant setting to carry), and the statement names the session and its user, so it reads and
 * writes that one row whatever role the connection has. The refresh is a data-modifying CTE: it runs even
 * though the answer does not read it, and only when last seen is older than TOUCH_EVERY_MS.
 */
export async function touchStaffSession(sessionId: string, userId: string) {
  const result = await getDb().execute<{ live: boolean }>(sql`
    with live as (
      select session_token from sessions
      where session_token = ${sessionId} and user_id = ${userId} and expires > now()
    ), touched as (
      update sessions
      set last_seen_at = now(), expires = now() + make_interval(days => ${STAFF_SESSION_DAYS})
      where session_token in (select session_token from live)
        and last_seen_at < now() - make_interval(secs => ${TOUCH_EVERY_MS / 1000})
      returning 1
    )
    select exists (select 1 from live) as live`);
  return result.rows[0]?.live === true;
}

export function endStaffSession(sessionId: string) {
  return runWithoutTenant((tx) => tx.delete(sessions).where(eq(sessions.sessionToken, sessionId)));
}

/**
 * Ends every session of a person, in the caller's transaction so it stands or falls with the change that
 * requires it (a new password, removal from a workspace).
 */
export function endAllStaffSessions(tx: Tx, userId: string) {
  return tx.delete(sessions).where(eq(sessions.userId, userId));
}

export type StaffSessionView = {
  id: string;
  userAgent: string | null;
  ip: string | null;
  signedInAt: Date;
  lastSeenAt: Date;
  current: boolean;
};

export async function listStaffSessions(userId: string, currentSessionId: string | null): Promise<StaffSessionView[]> {
  const rows = await runWithoutTenant(
    (tx) =>
      tx
        .select()
        .from(sessions)
        .where(and(eq(sessions.userId, userId), gt(sessions.expires, new Date())))
        .orderBy(desc(sessions.lastSeenAt)),
    userId,
  );
  return rows.map((row) => ({
    id: row.sessionToken,
    userAgent: row.userAgent,
    ip: row.ip,
    signedInAt: row.createdAt,
    lastSeenAt: row.lastSeenAt,
    current: row.sessionToken === currentSessionId,
  }));
}

/** Ends one of the person's own sessions; someone else's id answers NOT_FOUND, like an unknown one. */
export async function revokeStaffSession(userId: string, sessionId: string) {
  const removed = await runWithoutTenant(
    (tx) =>
      tx
        .delete(sessions)
        .where(and(eq(sessions.sessionToken, sessionId), eq(sessions.userId, userId)))
        .returning({ id: sessions.sessionToken }),
    userId,
  );
  if (!removed.length)
    throw new AppError('NOT_FOUND', 'That session was not found. It may have ended already; reload the list.');
  return { revoked: true as const };
}

/** "Sign out everywhere else": every session of the person but the one asking. */
export async function revokeOtherStaffSessions(userId: string, currentSessionId: string | null) {
  const removed = await runWithoutTenant(
    (tx) =>
      tx
        .delete(sessions)
        .where(
          currentSessionId
            ? and(eq(sessions.userId, userId), ne(sessions.sessionToken, currentSessionId))
            : eq(sessions.userId, userId),
        )
        .returning({ id: sessions.sessionToken }),
    userId,
  );
  return { revoked: removed.length };
}

import { eq } from 'drizzle-orm';
import type { MemberRole } from '@/lib/constants/workspace';
import { memberships } from '@/server/db/schema';
import { runWithoutTenant } from '@/server/db/tenant';

type Membership = { tenantId: string; role: MemberRole };

/**
 * How long a process trusts a membership it looked up. A role change or removal made through this process
 * takes effect at once (forgetMemberships); one made through another process, within this many seconds.
 */
export const MEMBERSHIP_CACHE_MS = 5_000;
const MAX_CACHED = 10_000;

const cache = new Map<string, { until: number; membership: Membership | null }>();

/** Drops what this process cached about a user, after their memberships changed. */
export async function forgetMemberships(userId: string) {
  for (const key of cache.keys()) if (key.startsWith(`${userId}|`)) cache.delete(key);
}

async function lookUp(userId: string, preferredWorkspaceId: string | null): Promise<Membership | null> {
  const rows = await runWithoutTenant(
    (tx) =>
      tx
        .select({ tenantId: memberships.tenantId, role: memberships.role })
        .from(memberships)
        .where(eq(memberships.userId, userId)),
    userId,
  );
  return rows.find((r) => r.tenantId === preferredWorkspaceId) ?? rows[0] ?? null;
}

/**
 * The staff member's membership in the workspace they chose, or their first one; null when they have none.
 * With a session version (the session's JWT id, from a real request), the answer is kept a few seconds
 * for that session, sparing every call a transaction of its own before its real work; a new session
 * (signing in again) never sees an answer cached for the old one.
 */
export async function resolveMembership(
  userId: string,
  preferredWorkspaceId: string | null,
  sessionVersion?: string | null,
): Promise<Membership | null> {
  if (!sessionVersion) return lookUp(userId, preferredWorkspaceId);
  const key = `${userId}|${preferredWorkspaceId ?? ''}|${sessionVersion}`;
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && hit.until > now) return hit.membership;
  const membership = await lookUp(userId, preferredWorkspaceId);
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(key, { until: now + MEMBERSHIP_CACHE_MS, membership });
  return membership;
}

import { eq } from 'drizzle-orm';
import { memberships } from '@/server/db/schema';
import { runWithoutTenant } from '@/server/db/tenant';

/** The staff member's membership in the workspace they chose, or their first one; null when they have none. */
export async function resolveMembership(userId: string, preferredWorkspaceId: string | null) {
  const rows = await runWithoutTenant(
    (tx) => tx.select({ tenantId: memberships.tenantId, role: memberships.role }).from(memberships).where(eq(memberships.userId, userId)),
    userId,
  );
  return rows.find((r) => r.tenantId === preferredWorkspaceId) ?? rows[0] ?? null;
}

import { and, asc, eq } from 'drizzle-orm';
import { memberships, teamMembers, users } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { AppError, notFound } from '@/server/errors';
import type { MemberRole } from '@/lib/constants/workspace';
import type { StaffScope } from '@/server/services/types';
import { forgetMemberships } from './resolve-membership';
import { endAllStaffSessions } from '@/server/services/auth/sessions';

export function listMembers(scope: TenantScope) {
  return scope.db
    .select({
      id: memberships.id,
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      joinedAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.tenantId, scope.tenantId))
    .orderBy(asc(users.name), asc(users.email));
}

async function loadMembership(scope: TenantScope, membershipId: string) {
  const [row] = await scope.db.select().from(memberships).where(eq(memberships.id, membershipId)).for('update');
  if (!row) throw notFound('The member');
  return row;
}

/**
 * Locks the workspace's owner rows, always in id order, and counts them. Taken before the target row so two
 * owners demoting or removing each other at once queue up here instead of both counting two owners and
 * leaving none (a plain count does not block on the other transaction's pending change).
 */
async function lockOwners(scope: TenantScope) {
  const rows = await scope.db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.tenantId, scope.tenantId), eq(memberships.role, 'owner')))
    .orderBy(asc(memberships.id))
    .for('update');
  return rows.length;
}

/** Only owners grant or take away ownership; a workspace always keeps at least one owner. */
function assertMayManage(scope: StaffScope, target: { role: MemberRole }, nextRole?: MemberRole) {
  const touchesOwner = target.role === 'owner' || nextRole === 'owner';
  if (touchesOwner && scope.actor.role !== 'owner') {
    throw new AppError('FORBIDDEN', 'Only an owner can change who owns this workspace.');
  }
}

export async function updateMemberRole(scope: StaffScope, input: { membershipId: string; role: MemberRole }) {
  const owners = await lockOwners(scope);
  const target = await loadMembership(scope, input.membershipId);
  assertMayManage(scope, target, input.role);
  if (target.role === 'owner' && input.role !== 'owner' && owners <= 1) {
    throw new AppError('PRECONDITION_FAILED', 'This is the only owner. Make someone else an owner first.');
  }
  const [updated] = await scope.db
    .update(memberships)
    .set({ role: input.role })
    .where(eq(memberships.id, target.id))
    .returning();
  // Requests in flight keep the role they started with; the next one looks the membership up again.
  scope.afterCommit(() => forgetMemberships(target.userId));
  return updated!;
}

export async function removeMember(scope: StaffScope, input: { membershipId: string }) {
  const owners = await lockOwners(scope);
  const target = await loadMembership(scope, input.membershipId);
  assertMayManage(scope, target);
  if (target.role === 'owner' && owners <= 1) {
    throw new AppError(
      'PRECONDITION_FAILED',
      'This is the only owner. Make someone else an owner before removing them.',
    );
  }
  await scope.db.delete(teamMembers).where(eq(teamMembers.userId, target.userId));
  await scope.db.delete(memberships).where(eq(memberships.id, target.id));
  scope.afterCommit(() => forgetMemberships(target.userId));
  // Removed means out now: every session of the person ends with the membership, in this transaction.
  await endAllStaffSessions(scope.db, target.userId);
  return { removed: true as const, membershipId: target.id };
}

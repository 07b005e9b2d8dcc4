import type { AuditAction, AuditSubjectType } from '@/lib/constants/privacy';
import { auditLog, type AuditDetails } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';

export type AuditEntry = {
  /** The staff member who acted; null when the worker acts on a schedule. */
  actorUserId: string | null;
  action: AuditAction;
  subject: { type: AuditSubjectType; id: string };
  /** Ids, counts and settings only: no names, addresses or message text (the trail outlives an erasure). */
  details?: AuditDetails;
};

/**
 * Appends to the workspace's audit trail in the caller's transaction: the entry exists exactly when the change
 * commits.
 */
export async function recordAudit(scope: TenantScope, entry: AuditEntry) {
  await scope.db.insert(auditLog).values({
    tenantId: scope.tenantId,
    actorUserId: entry.actorUserId,
    action: entry.action,
    subjectType: entry.subject.type,
    subjectId: entry.subject.id,
    details: entry.details ?? {},
  });
}

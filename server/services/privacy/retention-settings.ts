import { eq, sql } from 'drizzle-orm';
import { tenants } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { recordAudit } from '@/server/services/audit/record-audit';
import type { StaffScope } from '@/server/services/types';

export type RetentionSettings = { purgeAttachmentsAfterDays: number | null };

/** Off unless an admin turns it on: deleting customers' files is never a default. */
export async function getRetentionSettings(scope: TenantScope): Promise<RetentionSettings> {
  const [row] = await scope.db
    .select({ settings: tenants.settings })
    .from(tenants)
    .where(eq(tenants.id, scope.tenantId));
  return { purgeAttachmentsAfterDays: row?.settings.privacy?.purgeAttachmentsAfterDays ?? null };
}

export async function updateRetentionSettings(scope: StaffScope, input: RetentionSettings) {
  const before = await getRetentionSettings(scope);
  // jsonb_set touches the privacy key only: a concurrent save of another settings section is not undone.
  await scope.db
    .update(tenants)
    .set({
      settings: sql`jsonb_set(${tenants.settings}, '{privacy}', ${JSON.stringify(input)}::jsonb)`,
      updatedAt: new Date(),
    })
    .where(eq(tenants.id, scope.tenantId));
  await recordAudit(scope, {
    actorUserId: scope.actor.userId,
    action: 'workspace.retention_updated',
    subject: { type: 'workspace', id: scope.tenantId },
    details: { from: before.purgeAttachmentsAfterDays, to: input.purgeAttachmentsAfterDays },
  });
  return input;
}

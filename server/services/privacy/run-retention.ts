import { componentLogger } from '@/server/log';
import { sql } from 'drizzle-orm';
import { runWithoutTenant } from '@/server/db/tenant';
import { logError } from '@/server/errors';
import { deleteExpiredExports, purgeWorkspaceAttachments } from './purge-attachments';

/**
 * The daily `privacy.retention` job: every workspace in turn (as the auto-close job does), its own
 * transactions each. One workspace's failure is logged and does not stop the others.
 */
export async function runRetention(now = new Date()) {
  const tenantIds = await runWithoutTenant(async (tx) =>
    (await tx.execute<{ id: string }>(sql`select cairn_all_tenant_ids() as id`)).rows.map((r) => r.id),
  );
  let purged = 0;
  let exports = 0;
  let failed = 0;
  for (const tenantId of tenantIds) {
    try {
      purged += (await purgeWorkspaceAttachments(tenantId, now)).purged;
      exports += await deleteExpiredExports(tenantId, now);
    } catch (error) {
      failed++;
      logError({ job: 'privacy.retention', tenantId, error });
    }
  }
  if (purged || exports || failed)
    componentLogger('worker').info(
      { purged, exports, failed },
      'retention: attachments purged, expired exports deleted',
    );
  return { purged, exports, failed };
}

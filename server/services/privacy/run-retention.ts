import { componentLogger } from '@/server/log';
import { ALL_WORKSPACES, forEachWorkspace } from '@/server/db/for-each-workspace';
import { logError } from '@/server/errors';
import { deleteExpiredExports, purgeWorkspaceAttachments } from './purge-attachments';

/**
 * The daily `privacy.retention` job: every workspace in turn (as the auto-close job does), its own
 * transactions each. One workspace's failure is logged and does not stop the others.
 */
export async function runRetention(now = new Date()) {
  let purged = 0;
  let exports = 0;
  let failed = 0;
  await forEachWorkspace(ALL_WORKSPACES, async (tenantId) => {
    try {
      purged += (await purgeWorkspaceAttachments(tenantId, now)).purged;
      exports += await deleteExpiredExports(tenantId, now);
    } catch (error) {
      failed++;
      logError({ job: 'privacy.retention', tenantId, error });
    }
  });
  if (purged || exports || failed)
    componentLogger('worker').info(
      { purged, exports, failed },
      'retention: attachments purged, expired exports deleted',
    );
  return { purged, exports, failed };
}

import { ALL_WORKSPACES, forEachWorkspace } from '@/server/db/for-each-workspace';
import { runInTenant } from '@/server/db/tenant';
import { queueWeeklyDigest } from '@/server/services/reports/queue-weekly-digest';

/** The `reports.weeklyDigest` schedule (hourly): each workspace queues last week's summary once. */
export async function processReportsWeeklyDigest() {
  let queued = 0;
  await forEachWorkspace(ALL_WORKSPACES, async (tenantId) => {
    queued += await runInTenant(tenantId, (scope) => queueWeeklyDigest(scope));
  });
  return { queued };
}

import { eq, sql } from 'drizzle-orm';
import { privacyRequests } from '@/server/db/schema';
import { forEachWorkspace } from '@/server/db/for-each-workspace';
import { runInTenant } from '@/server/db/tenant';
import { getQueue, jobId, enqueue } from '@/server/queue/enqueue';

/**
 * Re-enqueues every request still pending, in case its job was lost. The job id is the request's, so a job
 * still queued is not added twice; one that gave up sits in the failed set and is retried instead (BullMQ
 * ignores an add under an id it holds).
 */
export async function sweepPrivacyRequests() {
  let enqueued = 0;
  await forEachWorkspace(sql`cairn_tenants_with_pending_privacy_requests()`, async (tenantId) => {
    const pending = await runInTenant(tenantId, ({ db }) =>
      db
        .select({ id: privacyRequests.id })
        .from(privacyRequests)
        .where(eq(privacyRequests.status, 'pending'))
        .limit(500),
    );
    for (const { id } of pending) {
      const existing = await getQueue('privacy').getJob(jobId('privacy.process', id));
      if (existing && (await existing.isFailed()))
        await existing.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
      else await enqueue('privacy.process', { tenantId, requestId: id }, { key: id });
      enqueued++;
    }
  });
  return { enqueued };
}

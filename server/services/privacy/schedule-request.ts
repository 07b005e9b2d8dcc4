import type { TenantScope } from '@/server/db/tenant';
import { enqueue } from '@/server/queue/enqueue';

/**
 * After commit, the job that carries out a privacy request. The job id is the request's, so a second nudge
 * (the sweep, a retry) adds nothing; the pending row in Postgres is the truth if the queue loses the job.
 */
export function schedulePrivacyRequest(scope: TenantScope, requestId: string) {
  const tenantId = scope.tenantId;
  scope.afterCommit(() => enqueue('privacy.process', { tenantId, requestId }, { key: requestId }));
}

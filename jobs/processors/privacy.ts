import type { JobPayload } from '@/server/queue/jobs';
import { markFailed, processPrivacyRequest } from '@/server/services/privacy/process-privacy-request';
import { runRetention } from '@/server/services/privacy/run-retention';
import { sweepPrivacyRequests } from '@/server/services/privacy/sweep-privacy-requests';

/** An admin's export or erasure request: carried out once, whatever the number of runs. */
export function processPrivacyRequestJob({ tenantId, requestId }: JobPayload<'privacy.process'>) {
  return processPrivacyRequest(tenantId, requestId);
}

export function processPrivacySweep() {
  return sweepPrivacyRequests();
}

/** Daily: each workspace's attachment retention, and export files whose link has expired. */
export function processPrivacyRetention() {
  return runRetention();
}

/** The job used up its attempts: the request shows as failed with the reason, for the admin to ask again. */
export function onPrivacyJobFailed(data: unknown, error: Error) {
  const { tenantId, requestId } = data as JobPayload<'privacy.process'>;
  return markFailed(tenantId, requestId, error.message);
}

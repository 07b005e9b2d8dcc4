import type { TenantScope } from '@/server/db/tenant';
import { enqueue } from '@/server/queue/enqueue';

/**
 * After commit, a delayed `sla.check` for the ticket at `at`. The job id holds the ticket and the moment, so
 * scheduling the same moment twice adds one job; a moment that moved leaves the old job to find nothing to
 * do. The due time lives in Postgres (next_check_at), so a lost job is found again by the sweep.
 */
export function scheduleSlaCheck(scope: TenantScope, ticketId: string, at: Date | null) {
  if (!at) return;
  const tenantId = scope.tenantId;
  scope.afterCommit(() => {
    const delay = Math.max(0, at.getTime() - Date.now());
    return enqueue('sla.check', { tenantId, ticketId }, { key: `${ticketId}-${at.getTime()}`, delay });
  });
}

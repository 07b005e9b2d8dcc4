import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import { UNSOLVED_STATUSES } from '@/lib/constants/ticket';
import { tickets } from '@/server/db/schema';
import { runInTenant, type TenantScope } from '@/server/db/tenant';
import { enqueue } from '@/server/queue/enqueue';
import { recomputeTicketSla } from './recompute-ticket-sla';
import { loadSlaConfig } from './sla-config';

const BATCH = 200;

/**
 * After a policy, calendar or default target changes, every unsolved ticket's clocks follow, in the worker:
 * batches of tickets in their own transactions, keyed by id so the walk never repeats or skips one.
 */
export async function recomputeWorkspaceSla(tenantId: string) {
  let after = '00000000-0000-0000-0000-000000000000';
  let total = 0;
  for (;;) {
    const done = await runInTenant(tenantId, async (scope) => {
      const batch = await scope.db
        .select({ id: tickets.id })
        .from(tickets)
        .where(
          and(eq(tickets.tenantId, tenantId), inArray(tickets.status, [...UNSOLVED_STATUSES]), gt(tickets.id, after)),
        )
        .orderBy(asc(tickets.id))
        .limit(BATCH);
      const config = await loadSlaConfig(scope);
      for (const { id } of batch) await recomputeTicketSla(scope, id, { config });
      return batch;
    });
    total += done.length;
    if (done.length < BATCH) break;
    after = done.at(-1)!.id;
  }
  return { recomputed: total };
}

/** Asks the worker to bring the workspace's clocks in line once this transaction commits. */
export function requestWorkspaceRecompute(scope: TenantScope) {
  const tenantId = scope.tenantId;
  scope.afterCommit(() => enqueue('sla.recomputeWorkspace', { tenantId }));
}

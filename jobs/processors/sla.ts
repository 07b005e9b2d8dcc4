import { runInTenant } from '@/server/db/tenant';
import type { JobPayload } from '@/server/queue/jobs';
import { checkTicketSla } from '@/server/services/sla-check/check-ticket-sla';
import { recomputeWorkspaceSla } from '@/server/services/sla/recompute-workspace-sla';
import { sweepDueSla } from '@/server/services/sla-check/sweep-due-sla';

/** A ticket's timer fired: record warnings and breaches, run escalations, schedule the next moment. */
export function processSlaCheck({ tenantId, ticketId }: JobPayload<'sla.check'>) {
  return runInTenant(tenantId, (scope) => checkTicketSla(scope, ticketId));
}

export function processSlaSweep() {
  return sweepDueSla();
}

export function processSlaRecomputeWorkspace({ tenantId }: JobPayload<'sla.recomputeWorkspace'>) {
  return recomputeWorkspaceSla(tenantId);
}

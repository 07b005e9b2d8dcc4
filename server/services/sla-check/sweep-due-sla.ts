import { and, asc, isNotNull, lte, sql } from 'drizzle-orm';
import { ticketSlaTargets } from '@/server/db/schema';
import { forEachWorkspace } from '@/server/db/for-each-workspace';
import { runInTenant } from '@/server/db/tenant';
import { logError } from '@/server/errors';
import { checkTicketSla } from './check-ticket-sla';

/** A timer gets this long to fire before the sweep treats it as lost and does its work itself. */
export const SLA_TIMER_GRACE_MS = 5_000;
const TICKETS_PER_WORKSPACE_RUN = 500;

/**
 * The safety net under the timers: every clock whose next check is overdue (its job lost with Redis, or
 * never added because Redis was down) is checked here, directly, one ticket per transaction. Bounded per
 * workspace per run so one huge backlog cannot starve the others; the next run takes the rest.
 */
export async function sweepDueSla(now = new Date()) {
  const before = new Date(now.getTime() - SLA_TIMER_GRACE_MS);
  let checked = 0;
  const withDueClocks = sql`cairn_tenants_with_due_sla(${before.toISOString()}::timestamptz)`;
  const workspaces = await forEachWorkspace(withDueClocks, async (tenantId) => {
    const ticketIds = await runInTenant(tenantId, async ({ db }) =>
      (
        await db
          .selectDistinct({ ticketId: ticketSlaTargets.ticketId, at: ticketSlaTargets.nextCheckAt })
          .from(ticketSlaTargets)
          .where(and(isNotNull(ticketSlaTargets.nextCheckAt), lte(ticketSlaTargets.nextCheckAt, before)))
          .orderBy(asc(ticketSlaTargets.nextCheckAt))
          .limit(TICKETS_PER_WORKSPACE_RUN)
      ).map((r) => r.ticketId),
    );
    for (const ticketId of new Set(ticketIds)) {
      try {
        await runInTenant(tenantId, (scope) => checkTicketSla(scope, ticketId));
        checked += 1;
      } catch (error) {
        logError(error);
      }
    }
  });
  return { workspaces, checked };
}

import { ALL_WORKSPACES, forEachWorkspace } from '@/server/db/for-each-workspace';
import { runInTenant } from '@/server/db/tenant';
import { autoCloseSolvedTickets } from '@/server/services/ticket/auto-close-solved';

/** The `tickets.autoClose` schedule: each workspace in its own transaction. */
export async function processTicketsAutoClose() {
  let closed = 0;
  await forEachWorkspace(ALL_WORKSPACES, async (tenantId) => {
    closed += await runInTenant(tenantId, autoCloseSolvedTickets);
  });
  return { closed };
}

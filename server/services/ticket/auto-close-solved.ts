import { and, eq, lt } from 'drizzle-orm';
import { tickets } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { commitTicketChange } from './commit-ticket-change';
import { getTicketSettings } from './settings';

const BATCH = 200;

/**
 * Closes the workspace's tickets that have stayed solved longer than its setting, a batch per run. Re-reads
 * each ticket under its lock, so a ticket reopened meanwhile is left alone, and a second run finds nothing
 * left to do. Returns how many were due.
 */
export async function autoCloseSolvedTickets(scope: TenantScope) {
  const settings = await getTicketSettings(scope);
  const cutoff = new Date(Date.now() - settings.autoCloseAfterDays * 86_400_000);
  const due = await scope.db
    .select({ id: tickets.id })
    .from(tickets)
    .where(and(eq(tickets.tenantId, scope.tenantId), eq(tickets.status, 'solved'), lt(tickets.solvedAt, cutoff)))
    .limit(BATCH)
    .for('update', { skipLocked: true });
  for (const { id } of due) {
    const [ticket] = await scope.db.select().from(tickets).where(eq(tickets.id, id));
    if (ticket?.status !== 'solved') continue;
    await commitTicketChange(
      scope,
      ticket,
      { status: 'closed' },
      {
        actor: { type: 'system' },
        channel: 'system',
        action: 'auto_closed',
        reason: `Solved for more than ${settings.autoCloseAfterDays} days`,
      },
    );
  }
  return due.length;
}

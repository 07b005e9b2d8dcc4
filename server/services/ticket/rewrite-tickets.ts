import type { SQL } from 'drizzle-orm';
import { tickets } from '@/server/db/schema';
import type { StaffScope } from '@/server/services/types';
import { commitTicketChange } from './commit-ticket-change';
import type { TicketRecord } from './load-ticket';
import type { TicketChanges } from './plan-ticket-change';

/**
 * Changes every ticket matching `where` through the ticket-change pipeline, so each one gets its activity
 * entry ("by <admin>", with the reason), its events and its SLA recomputation, exactly as an agent's edit
 * would. Used when an admin removes a category, tag, field or type that tickets still use: in the caller's
 * transaction, so the removal and the rewrite land together or not at all. Rows are locked in id order so
 * two removals touching the same tickets queue instead of deadlocking.
 */
export async function rewriteTickets(
  scope: StaffScope,
  where: SQL,
  change: (ticket: TicketRecord) => TicketChanges,
  reason: string,
) {
  const rows = await scope.db.select().from(tickets).where(where).orderBy(tickets.id).for('update');
  for (const ticket of rows) {
    await commitTicketChange(scope, ticket, change(ticket), {
      actor: { type: 'agent', userId: scope.actor.userId },
      channel: 'agent',
      action: 'config_removed',
      reason,
    });
  }
  return rows.length;
}

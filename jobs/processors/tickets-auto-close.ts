import { and, eq, lt, sql } from 'drizzle-orm';
import { tickets } from '@/server/db/schema';
import { runInTenant, runWithoutTenant } from '@/server/db/tenant';
import { commitTicketChange } from '@/server/services/ticket/commit-ticket-change';
import { getTicketSettings } from '@/server/services/ticket/settings';

const BATCH = 200;

/**
 * Closes tickets that have stayed solved longer than the workspace's setting. Re-reads each ticket under
 * its lock, so a ticket reopened meanwhile is left alone, and a second run finds nothing left to do.
 */
export async function processTicketsAutoClose() {
  const tenantIds = await runWithoutTenant(async (tx) =>
    (await tx.execute<{ id: string }>(sql`select cairn_all_tenant_ids() as id`)).rows.map((r) => r.id),
  );
  let closed = 0;
  for (const tenantId of tenantIds) {
    closed += await runInTenant(tenantId, async (scope) => {
      const settings = await getTicketSettings(scope);
      const cutoff = new Date(Date.now() - settings.autoCloseAfterDays * 86_400_000);
      const due = await scope.db
        .select({ id: tickets.id })
        .from(tickets)
        .where(and(eq(tickets.tenantId, tenantId), eq(tickets.status, 'solved'), lt(tickets.solvedAt, cutoff)))
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
    });
  }
  return { closed };
}

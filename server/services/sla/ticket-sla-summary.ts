import { and, inArray, isNull } from 'drizzle-orm';
import type { SlaMetric, SlaTargetState } from '@/lib/constants/sla';
import { targetState } from '@/lib/sla';
import { ticketSlaTargets } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';

export type SlaBadge = { metric: SlaMetric; dueAt: Date | null; state: SlaTargetState };

/**
 * For a page of tickets, the clock each one must beat first: the earliest due among unmet targets (a
 * breached one first). One indexed read per page, so queues show countdowns without a query per row.
 */
export async function slaBadgesFor(
  scope: TenantScope,
  ticketIds: string[],
  now = new Date(),
): Promise<Map<string, SlaBadge>> {
  const badges = new Map<string, SlaBadge>();
  if (!ticketIds.length) return badges;
  const rows = await scope.db
    .select({
      ticketId: ticketSlaTargets.ticketId,
      metric: ticketSlaTargets.metric,
      dueAt: ticketSlaTargets.dueAt,
      warnAt: ticketSlaTargets.warnAt,
      metAt: ticketSlaTargets.metAt,
    })
    .from(ticketSlaTargets)
    .where(and(inArray(ticketSlaTargets.ticketId, ticketIds), isNull(ticketSlaTargets.metAt)));
  for (const row of rows) {
    const badge = { metric: row.metric, dueAt: row.dueAt, state: targetState(row, now) };
    const current = badges.get(row.ticketId);
    // Running clocks beat paused ones; among running ones the earliest due wins.
    if (!current || (badge.dueAt && (!current.dueAt || badge.dueAt < current.dueAt))) badges.set(row.ticketId, badge);
  }
  return badges;
}

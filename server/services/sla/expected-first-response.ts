import { and, eq } from 'drizzle-orm';
import { describeResponsePromise } from '@/lib/sla';
import { businessCalendars, ticketSlaTargets } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';

/**
 * What to promise the customer: the first-response due time the applying policy computed for their ticket,
 * worded from that due time on the policy's calendar ("within 4 business hours, by Tuesday 3 March, 13:00
 * CET"), so the words and the clock that enforces them cannot disagree. null when nothing is promised (no
 * first-response target, or its clock is paused so there is no due time yet).
 */
export async function expectedFirstResponse(
  scope: TenantScope,
  ticketId: string,
): Promise<{ text: string; dueAt: Date } | null> {
  const [target] = await scope.db
    .select({
      minutes: ticketSlaTargets.targetMinutes,
      startedAt: ticketSlaTargets.startedAt,
      dueAt: ticketSlaTargets.dueAt,
      timeZone: businessCalendars.timeZone,
    })
    .from(ticketSlaTargets)
    .leftJoin(businessCalendars, eq(businessCalendars.id, ticketSlaTargets.calendarId))
    .where(and(eq(ticketSlaTargets.ticketId, ticketId), eq(ticketSlaTargets.metric, 'first_response')));
  if (!target?.dueAt) return null;
  // Without a calendar the clock runs around the clock in UTC (ALWAYS_OPEN_CALENDAR).
  const text = describeResponsePromise({
    startedAt: target.startedAt,
    dueAt: target.dueAt,
    targetMinutes: target.minutes,
    timeZone: target.timeZone ?? 'UTC',
  });
  return { text, dueAt: target.dueAt };
}

import { and, eq } from 'drizzle-orm';
import { describeDuration } from '@/lib/constants/sla';
import { ticketSlaTargets } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';

/**
 * What to promise the customer: the first-response target of the policy that applies to their ticket, in
 * business hours when its calendar has them ("within 4 business hours"); null when nothing is promised.
 */
export async function expectedFirstResponse(scope: TenantScope, ticketId: string): Promise<{ text: string; dueAt: Date | null } | null> {
  const [target] = await scope.db
    .select({ minutes: ticketSlaTargets.targetMinutes, dueAt: ticketSlaTargets.dueAt, calendarId: ticketSlaTargets.calendarId, metAt: ticketSlaTargets.metAt })
    .from(ticketSlaTargets)
    .where(and(eq(ticketSlaTargets.ticketId, ticketId), eq(ticketSlaTargets.metric, 'first_response')));
  if (!target) return null;
  const text = describeDuration(target.minutes);
  return { text: target.calendarId ? text.replace(/(\d+) (hours?|minutes|days)/, '$1 business $2') : text, dueAt: target.dueAt };
}

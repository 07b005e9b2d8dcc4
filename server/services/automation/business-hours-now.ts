import { asc } from 'drizzle-orm';
import { openIntervalsBetween, type BusinessCalendar } from '@/lib/business-hours';
import { businessCalendars } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { toBusinessCalendar } from '@/server/services/sla/sla-config';

/**
 * Whether the workspace is open at `at`, by its first business calendar (the one its SLA setup lists
 * first); a workspace without one is always open, as its SLA clocks are.
 */
export async function inBusinessHours(scope: TenantScope, at: Date) {
  return isOpenAt(await rulesCalendar(scope), at);
}

/** The calendar rules' "business hours now" reads: read once for a batch of events. */
export async function rulesCalendar(scope: TenantScope) {
  const [row] = await scope.db
    .select()
    .from(businessCalendars)
    .orderBy(asc(businessCalendars.createdAt), asc(businessCalendars.id))
    .limit(1);
  return toBusinessCalendar(row);
}

export function isOpenAt(calendar: BusinessCalendar, at: Date) {
  return openIntervalsBetween(calendar, at, new Date(at.getTime() + 1)).length > 0;
}

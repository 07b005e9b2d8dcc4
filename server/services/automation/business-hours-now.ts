import { asc } from 'drizzle-orm';
import { openIntervalsBetween } from '@/lib/business-hours';
import { businessCalendars } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { toBusinessCalendar } from '@/server/services/sla/sla-config';

/**
 * Whether the workspace is open at `at`, by its first business calendar (the one its SLA setup lists
 * first); a workspace without one is always open, as its SLA clocks are.
 */
export async function inBusinessHours(scope: TenantScope, at: Date) {
  const [row] = await scope.db
    .select()
    .from(businessCalendars)
    .orderBy(asc(businessCalendars.createdAt), asc(businessCalendars.id))
    .limit(1);
  return openIntervalsBetween(toBusinessCalendar(row), at, new Date(at.getTime() + 1)).length > 0;
}

import { localDay } from '@/lib/reports/local-time';
import type { TenantScope } from '@/server/db/tenant';
import { workspaceTimeZone } from './workspace-time-zone';

/** The workspace's zone and its today: the page's presets ("last 7 days") count back from the desk's day. */
export async function reportCalendar(scope: TenantScope, now = new Date()) {
  const timeZone = await workspaceTimeZone(scope);
  return { timeZone, today: localDay(now, timeZone) };
}

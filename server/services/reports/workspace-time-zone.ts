import { sql } from 'drizzle-orm';
import { isKnownTimeZone } from '@/lib/business-hours';
import type { TenantScope } from '@/server/db/tenant';

/** The zone the workspace's days are counted in (settings.timezone), UTC when unset or unknown. */
export async function workspaceTimeZone(scope: TenantScope): Promise<string> {
  const { rows } = await scope.db.execute<{ tz: string | null }>(
    sql`select settings ->> 'timezone' as tz from tenants where id = ${scope.tenantId}`,
  );
  const tz = rows[0]?.tz;
  return tz && isKnownTimeZone(tz) ? tz : 'UTC';
}

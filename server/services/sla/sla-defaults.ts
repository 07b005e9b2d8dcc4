import { eq, sql } from 'drizzle-orm';
import { tenants, type SlaPolicyTargets } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { requestWorkspaceRecompute } from './recompute-workspace-sla';
import { loadSlaConfig } from './sla-config';

/** The targets used when no policy matches (around the clock), with the built-in table filled in. */
export async function getSlaDefaults(scope: TenantScope) {
  const config = await loadSlaConfig(scope);
  return { defaultTargets: config.defaultTargets, warnAtPercent: config.defaultWarnAtPercent };
}

export async function updateSlaDefaults(
  scope: TenantScope,
  input: { defaultTargets: SlaPolicyTargets; warnAtPercent: number },
) {
  // jsonb_set keeps the other settings (ticket numbering, support email) exactly as they were.
  await scope.db
    .update(tenants)
    .set({
      settings: sql`jsonb_set(${tenants.settings}, '{sla}', ${JSON.stringify(input)}::jsonb, true)`,
      updatedAt: new Date(),
    })
    .where(eq(tenants.id, scope.tenantId));
  requestWorkspaceRecompute(scope);
  return getSlaDefaults(scope);
}

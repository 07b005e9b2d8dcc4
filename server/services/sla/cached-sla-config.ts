import type { TenantScope } from '@/server/db/tenant';
import { loadSlaConfig, type SlaConfig } from './sla-config';

/**
 * A workspace's SLA setup kept in this process, so a ticket change does not read policies, escalations and
 * calendars again (four statements) when nothing changed. Never stale: the caller passes the workspace's
 * current `sla_config_version`, read in a statement it makes anyway (loadSlaFacts), and triggers move that
 * version on every change to the setup, from any process, so a changed setup is a miss and is read again.
 */
const cache = new Map<string, SlaConfig>();
const MAX_CACHED = 1_000;

export async function slaConfigAtVersion(scope: TenantScope, version: number): Promise<SlaConfig> {
  const hit = cache.get(scope.tenantId);
  if (hit && hit.version === version) return hit;
  // Kept under the version the load itself read, which may already be newer than the caller's.
  const config = await loadSlaConfig(scope);
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(scope.tenantId, config);
  return config;
}

import { prepareRuntime } from './prepare-runtime';

// `npm run analytics:rebuild [workspace-slug]`: recomputes the dashboard's rollups from the tickets (and the
// recorded CSAT events), for one workspace or all. Safe while the worker runs: each workspace is rebuilt in
// one transaction, and an event that arrives meanwhile brings its ticket to the same state again afterwards.
const { embedded } = await prepareRuntime();
const { sql } = await import('drizzle-orm');
const { ALL_WORKSPACES, forEachWorkspace } = await import('../server/db/for-each-workspace');
const { runInTenant } = await import('../server/db/tenant');
const { closeDb } = await import('../server/db/client');
const { rebuildWorkspaceRollups } = await import('../server/services/reports/rebuild-workspace-rollups');

const slug = process.argv[2];
const workspaces = slug ? sql`(select id from cairn_workspace_by_slug(${slug}))` : ALL_WORKSPACES;
const started = Date.now();
const visited = await forEachWorkspace(workspaces, async (tenantId) => {
  const result = await runInTenant(tenantId, (scope) => rebuildWorkspaceRollups(scope));
  console.log(`workspace ${tenantId}: ${result.tickets} tickets, days in ${result.timeZone}`);
});
console.log(`rebuilt ${visited} workspace(s) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
await closeDb();
await embedded?.stop();

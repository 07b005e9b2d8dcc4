import { sql, type SQL } from 'drizzle-orm';
import { runWithoutTenant } from './tenant';

/** Every workspace: for the daily jobs that visit each one (auto-close, retention). */
export const ALL_WORKSPACES = sql`cairn_all_tenant_ids()`;

/**
 * The one loop over workspaces, for sweeps and daily jobs. `workspaces` calls a security-definer function
 * (created by the migrations) that lists tenant ids across the wall: all of them, or only those with work of
 * a kind, so a sweep opens no transaction for an idle workspace. The list is read in its own transaction;
 * each visit opens its own (`runInTenant`), one workspace after another. Returns how many were visited.
 */
export async function forEachWorkspace(workspaces: SQL, visit: (tenantId: string) => Promise<unknown>) {
  const tenantIds = await runWithoutTenant(async (tx) =>
    (await tx.execute<{ id: string }>(sql`select ${workspaces} as id`)).rows.map((r) => r.id),
  );
  for (const tenantId of tenantIds) await visit(tenantId);
  return tenantIds.length;
}

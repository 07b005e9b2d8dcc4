import type { SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgInsertValue, PgTable } from 'drizzle-orm/pg-core';
import type { TenantScope } from './tenant';

type TenantTable = PgTable & { tenantId: AnyPgColumn };
type WorkspaceRow<T extends TenantTable> = Omit<T['$inferInsert'], 'tenantId'>;
/** A row without its tenant id; a value may be SQL (a position computed in the statement). */
export type WorkspaceValues<T extends TenantTable> = { [K in keyof WorkspaceRow<T>]: WorkspaceRow<T>[K] | SQL };

/**
 * Inserts one row into a tenant table and returns it. The tenant id always comes from the scope, so no
 * caller can pass another workspace's (row-level security would refuse it, but with a less helpful error).
 */
export async function insertInWorkspace<T extends TenantTable>(
  scope: TenantScope,
  table: T,
  values: WorkspaceValues<T>,
): Promise<T['$inferSelect']> {
  const [row] = await scope.db
    .insert(table)
    .values({ ...values, tenantId: scope.tenantId } as PgInsertValue<T>)
    .returning();
  return row as T['$inferSelect'];
}

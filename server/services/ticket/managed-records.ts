import { asc, eq } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { TenantScope } from '@/server/db/tenant';

/** A list the workspace's admins keep (ticket categories, custom fields, ticket types): ordered by hand. */
type ManagedTable = PgTable & { tenantId: AnyPgColumn; position: AnyPgColumn };

/**
 * Every record of such a list, archived ones included (they still label old tickets), in the admins' order;
 * records at the same position by `name` (the list's name or label column).
 */
export async function listManagedRecords<T extends ManagedTable>(
  scope: TenantScope,
  table: T,
  name: AnyPgColumn,
): Promise<Array<T['$inferSelect']>> {
  return scope.db
    .select()
    .from(table as PgTable)
    .where(eq(table.tenantId, scope.tenantId))
    .orderBy(asc(table.position), asc(name));
}

import { and, eq, inArray, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { notFound } from '@/server/errors';
import type { TenantScope } from './tenant';

/**
 * Ids from a request must name rows of this workspace. Row-level security hides other workspaces' rows, so a
 * foreign id reads exactly like a missing one: NOT_FOUND, with `what` naming it ("The calendar"). `idColumn` is
 * the column the id is matched on (a table's id, or e.g. `memberships.userId`); `where` narrows further.
 */
export async function assertExists(scope: TenantScope, idColumn: PgColumn, id: string, what: string, where?: SQL) {
  const [row] = await scope.db
    .select({ id: idColumn })
    .from(idColumn.table)
    .where(and(eq(idColumn, id), where));
  if (!row) throw notFound(what);
}

/** As assertExists, for a list of ids (each counted once): one of them missing is NOT_FOUND. */
export async function assertAllExist(scope: TenantScope, idColumn: PgColumn, ids: string[], what: string, where?: SQL) {
  const unique = [...new Set(ids)];
  if (!unique.length) return;
  const rows = await scope.db
    .select({ id: idColumn })
    .from(idColumn.table)
    .where(and(inArray(idColumn, unique), where));
  if (rows.length !== unique.length) throw notFound(what);
}

/** Deletes the workspace's row with this id; NOT_FOUND when there is none (or it is another workspace's). */
export async function deleteExisting(scope: TenantScope, idColumn: PgColumn, id: string, what: string) {
  const [row] = await scope.db.delete(idColumn.table).where(eq(idColumn, id)).returning({ id: idColumn });
  if (!row) throw notFound(what);
}

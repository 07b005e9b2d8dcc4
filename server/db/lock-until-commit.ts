import { sql } from 'drizzle-orm';
import type { TenantScope } from './tenant';

/**
 * Waits for, then holds until the transaction ends, an advisory lock on a named thing: how work on one
 * ticket or team is serialised across web and worker processes without locking a row. The name says what
 * is locked and carries an id unique across workspaces (`cairn.assign.<team id>`).
 */
export async function lockUntilCommit(scope: Pick<TenantScope, 'db'>, name: string) {
  await scope.db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${name}, 0))`);
}

/**
 * Several named locks held until the transaction ends, taken in one statement in name order: two holders of
 * overlapping sets wait for each other in that order, never in a circle.
 */
export async function lockAllUntilCommit(scope: Pick<TenantScope, 'db'>, names: readonly string[]) {
  const sorted = [...new Set(names)].sort();
  if (sorted.length === 1) return lockUntilCommit(scope, sorted[0]!);
  if (!sorted.length) return;
  await scope.db.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(name, 0)) from unnest(${sql.param(sorted)}::text[]) as name order by name`,
  );
}

import { and, eq, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { AppError, notFound } from '@/server/errors';
import type { TenantScope } from './tenant';

type OrderedTable = PgTable & { id: AnyPgColumn; position: AnyPgColumn };

/**
 * Saves a list's hand-kept order: `ids` first to last become positions 0, 1, 2… They must name every row of
 * the list exactly once (a partial order would leave the others' places ambiguous, and a short one usually
 * means someone else added a row meanwhile). `list` narrows the table to one list (e.g. one kind of rule);
 * row-level security already keeps it to this workspace. `names.one` names a row for NOT_FOUND ("A ticket
 * type"), `names.every` the rows for the message asking for the whole list ("ticket type").
 */
export async function writeOrder<T extends OrderedTable>(
  scope: TenantScope,
  table: T,
  ids: string[],
  names: { one: string; every: string },
  list?: SQL,
) {
  const existing = await scope.db
    .select({ id: table.id })
    .from(table as PgTable)
    .where(list);
  const known = new Set(existing.map((r) => r.id));
  const given = new Set(ids);
  if (ids.some((id) => !known.has(id))) throw notFound(`${names.one} in the new order`);
  if (given.size !== ids.length || given.size !== known.size)
    throw new AppError(
      'BAD_REQUEST',
      `List every ${names.every} exactly once in the new order (reload the page if someone else added one).`,
    );
  for (const [position, id] of ids.entries())
    await scope.db
      .update(table)
      .set({ position } as PgUpdateSetSource<T>)
      .where(and(eq(table.id, id), list));
}

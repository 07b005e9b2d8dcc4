import { and, asc, count, eq, isNotNull, isNull, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgInsertValue, PgTable } from 'drizzle-orm/pg-core';
import { ticketCategories, tickets, ticketTypes } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { AppError, notFound } from '@/server/errors';
import type { StaffScope } from '@/server/services/types';
import { rewriteTickets } from './rewrite-tickets';

/** A list the workspace's admins keep (ticket categories, custom fields, ticket types): ordered by hand. */
type ManagedTable = PgTable & { tenantId: AnyPgColumn; position: AnyPgColumn };

/** Gives a new workspace a list's defaults, in the order given; rows already there (by a unique key) stay. */
export async function seedManagedRecords<T extends ManagedTable>(
  scope: TenantScope,
  table: T,
  defaults: ReadonlyArray<Omit<T['$inferInsert'], 'tenantId' | 'position'>>,
) {
  await scope.db
    .insert(table)
    .values(defaults.map((d, position) => ({ ...d, tenantId: scope.tenantId, position }) as PgInsertValue<T>))
    .onConflictDoNothing();
}

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

/**
 * The lists whose records tickets hold, by the ticket column holding one: a category by its id, a ticket type
 * by its key (which never changes). `noun` names a record in NOT_FOUND messages and the activity line; `short`
 * is the word for "… cleared" and "Choose a different …" where shorter; `inputField` is the delete request's
 * field naming the record to move the tickets to, where it is not the ticket column's name.
 */
const HELD_LISTS: Record<'categoryId' | 'type', HeldList> = {
  categoryId: { table: ticketCategories, heldAs: ticketCategories.id, noun: 'category' },
  type: { table: ticketTypes, heldAs: ticketTypes.key, noun: 'ticket type', short: 'type', inputField: 'typeId' },
};
type HeldField = keyof typeof HELD_LISTS;
interface HeldList {
  table: PgTable & { id: AnyPgColumn; name: AnyPgColumn; archivedAt: AnyPgColumn };
  heldAs: AnyPgColumn;
  noun: string;
  short?: string;
  inputField?: string;
}

/**
 * How many tickets (of any status) hold each value of `field`, so the admin sees what a removal would touch;
 * each row names the value after the ticket column (`{ categoryId, tickets }`, `{ type, tickets }`).
 */
export async function ticketsPerValue<F extends HeldField>(scope: TenantScope, field: F) {
  const column = tickets[field];
  const rows = await scope.db
    .select({ value: column, tickets: count() })
    .from(tickets)
    .where(and(eq(tickets.tenantId, scope.tenantId), isNotNull(column)))
    .groupBy(column);
  return rows.map((r) => ({ [field]: r.value!, tickets: r.tickets }) as Record<F, string> & { tickets: number });
}

/**
 * Deletes one record of the list held in `field`. The tickets holding it move to `moveToId` (an active record
 * of the same list) or lose the value, each through the ticket pipeline (activity "by <admin>" with the
 * reason, events, SLA), in the same transaction as the deletion.
 */
export async function deleteHeldRecord(scope: StaffScope, field: HeldField, id: string, moveToId: string | null) {
  const list = HELD_LISTS[field];
  const { table, noun, short = noun, inputField = field } = list;
  // Drizzle cannot type a select from either table: these are the list's id, name and held value.
  const pick = async (where: SQL | undefined) =>
    (await scope.db
      .select({ id: table.id, name: table.name, held: list.heldAs })
      .from(table as PgTable)
      .where(where)) as Array<{ id: string; name: string; held: string }>;
  const [record] = await pick(eq(table.id, id));
  if (!record) throw notFound(`The ${noun}`);
  let replacement: { name: string; held: string } | null = null;
  if (moveToId) {
    if (moveToId === record.id)
      throw new AppError('BAD_REQUEST', `Choose a different ${short} to move the tickets to, or clear it.`, {
        field: inputField,
      });
    [replacement = null] = await pick(and(eq(table.id, moveToId), isNull(table.archivedAt)));
    if (!replacement) throw notFound(`The ${noun} to move the tickets to (an active ${short})`);
  }
  const label = `${noun[0]!.toUpperCase()}${noun.slice(1)} "${record.name}" was deleted`;
  const moved = await rewriteTickets(
    scope,
    and(eq(tickets.tenantId, scope.tenantId), eq(tickets[field], record.held))!,
    () => ({ [field]: replacement?.held ?? null }),
    replacement ? `${label}; moved to "${replacement.name}"` : `${label}; ${short} cleared`,
  );
  await scope.db.delete(table).where(eq(table.id, record.id));
  return { id: record.id, tickets: moved };
}

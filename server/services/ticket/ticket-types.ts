import { and, asc, count, eq, isNotNull, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { DEFAULT_TICKET_TYPES, TICKET_TYPE_KEY_MAX } from '@/lib/constants/ticket';
import type { deleteTicketTypeInput } from '@/lib/validators/ticket';
import { tickets, ticketTypes } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { withUniqueViolationAs } from '@/server/db/errors';
import { insertInWorkspace } from '@/server/db/insert-in-workspace';
import { AppError, notFound } from '@/server/errors';
import type { StaffScope } from '@/server/services/types';
import { rewriteTickets } from './rewrite-tickets';

// A workspace's ticket types. Tickets store the key, so keys never change once made; names and order do.

export async function seedDefaultTicketTypes(scope: TenantScope) {
  await scope.db
    .insert(ticketTypes)
    .values(DEFAULT_TICKET_TYPES.map((t, position) => ({ tenantId: scope.tenantId, ...t, position })))
    .onConflictDoNothing();
}

/** Every type, archived ones included (the admin page restores them; a ticket may still hold one). */
export function listTicketTypes(scope: TenantScope) {
  return scope.db
    .select({
      id: ticketTypes.id,
      key: ticketTypes.key,
      name: ticketTypes.name,
      position: ticketTypes.position,
      archivedAt: ticketTypes.archivedAt,
    })
    .from(ticketTypes)
    .where(eq(ticketTypes.tenantId, scope.tenantId))
    .orderBy(asc(ticketTypes.position), asc(ticketTypes.name));
}

/** "Feature request" → "feature_request"; names with no latin letters or digits fall back to "type". */
export function ticketTypeKeyFor(name: string) {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, TICKET_TYPE_KEY_MAX - 4)
    .replace(/_+$/, '');
  return base || 'type';
}

const nameTaken = (name: string) =>
  new AppError('CONFLICT', `A ticket type called "${name}" already exists. Choose another name.`, { field: 'name' });

export async function createTicketType(scope: TenantScope, input: { name: string }) {
  const existing = await scope.db
    .select({ key: ticketTypes.key, position: ticketTypes.position })
    .from(ticketTypes)
    .where(eq(ticketTypes.tenantId, scope.tenantId));
  const keys = new Set(existing.map((t) => t.key));
  // A deleted type's key may come back: its tickets were moved or cleared, so nothing holds it.
  const base = ticketTypeKeyFor(input.name);
  let key = base;
  for (let n = 2; keys.has(key); n++) key = `${base}_${n}`;
  const position = existing.reduce((max, t) => Math.max(max, t.position + 1), 0);
  return withUniqueViolationAs(
    () => nameTaken(input.name),
    () => insertInWorkspace(scope, ticketTypes, { key, name: input.name, position }),
  );
}

/** Renames, archives or restores. The key stays: tickets, rules and saved filters hold it. */
export async function updateTicketType(
  scope: TenantScope,
  input: { typeId: string; name?: string; archived?: boolean },
) {
  const { typeId, archived, name } = input;
  return withUniqueViolationAs(
    () => nameTaken(name ?? ''),
    async () => {
      const [row] = await scope.db
        .update(ticketTypes)
        .set({
          ...(name === undefined ? {} : { name }),
          ...(archived === undefined ? {} : { archivedAt: archived ? new Date() : null }),
        })
        .where(eq(ticketTypes.id, typeId))
        .returning();
      if (!row) throw notFound('The ticket type');
      return row;
    },
  );
}

/** The new order: every type of the workspace, once. */
export async function reorderTicketTypes(scope: TenantScope, input: { typeIds: string[] }) {
  const existing = await scope.db.select({ id: ticketTypes.id }).from(ticketTypes);
  const known = new Set(existing.map((t) => t.id));
  const given = new Set(input.typeIds);
  if (input.typeIds.some((id) => !known.has(id))) throw notFound('A ticket type in the new order');
  if (given.size !== input.typeIds.length || given.size !== known.size)
    throw new AppError(
      'BAD_REQUEST',
      'List every ticket type exactly once in the new order (reload the page if someone else added one).',
    );
  for (const [position, id] of input.typeIds.entries())
    await scope.db.update(ticketTypes).set({ position }).where(eq(ticketTypes.id, id));
  return listTicketTypes(scope);
}

/** How many tickets (of any status) hold each type, so the admin sees what a removal would touch. */
export async function ticketTypeUsage(scope: TenantScope) {
  const rows = await scope.db
    .select({ key: tickets.type, tickets: count() })
    .from(tickets)
    .where(and(eq(tickets.tenantId, scope.tenantId), isNotNull(tickets.type)))
    .groupBy(tickets.type);
  return rows.map((r) => ({ key: r.key!, tickets: r.tickets }));
}

/**
 * Deletes a type. Its tickets move to the replacement or lose their type, each through the ticket pipeline
 * (activity "by <admin>" with the reason, events, SLA), in the deletion's transaction. The (tenant, type)
 * foreign key refuses the delete if any ticket still held the key, so nothing is ever dropped silently.
 */
export async function deleteTicketType(scope: StaffScope, input: z.output<typeof deleteTicketTypeInput>) {
  const [type] = await scope.db.select().from(ticketTypes).where(eq(ticketTypes.id, input.typeId));
  if (!type) throw notFound('The ticket type');
  let replacement: { key: string; name: string } | null = null;
  if (input.tickets.action === 'reassign') {
    if (input.tickets.typeId === type.id)
      throw new AppError('BAD_REQUEST', 'Choose a different type to move the tickets to, or clear it.', {
        field: 'typeId',
      });
    [replacement = null] = await scope.db
      .select({ key: ticketTypes.key, name: ticketTypes.name })
      .from(ticketTypes)
      .where(and(eq(ticketTypes.id, input.tickets.typeId), isNull(ticketTypes.archivedAt)));
    if (!replacement) throw notFound('The ticket type to move the tickets to (an active type)');
  }
  const moved = await rewriteTickets(
    scope,
    and(eq(tickets.tenantId, scope.tenantId), eq(tickets.type, type.key))!,
    () => ({ type: replacement?.key ?? null }),
    replacement
      ? `Ticket type "${type.name}" was deleted; moved to "${replacement.name}"`
      : `Ticket type "${type.name}" was deleted; type cleared`,
  );
  await scope.db.delete(ticketTypes).where(eq(ticketTypes.id, type.id));
  return { id: type.id, tickets: moved };
}

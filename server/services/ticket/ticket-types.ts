import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { DEFAULT_TICKET_TYPES, TICKET_TYPE_KEY_MAX } from '@/lib/constants/ticket';
import type { deleteTicketTypeInput } from '@/lib/validators/ticket';
import { ticketTypes } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { withUniqueViolationAs } from '@/server/db/errors';
import { insertInWorkspace } from '@/server/db/insert-in-workspace';
import { writeOrder } from '@/server/db/write-order';
import { AppError, notFound } from '@/server/errors';
import type { StaffScope } from '@/server/services/types';
import { deleteHeldRecord, listManagedRecords, seedManagedRecords, ticketsPerValue } from './managed-records';

// A workspace's ticket types. Tickets store the key, so keys never change once made; names and order do.

export async function seedDefaultTicketTypes(scope: TenantScope) {
  await seedManagedRecords(scope, ticketTypes, DEFAULT_TICKET_TYPES);
}

/** Every type, archived ones included (the admin page restores them; a ticket may still hold one). */
export function listTicketTypes(scope: TenantScope) {
  return listManagedRecords(scope, ticketTypes, ticketTypes.name);
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
  await writeOrder(scope, ticketTypes, input.typeIds, { one: 'A ticket type', every: 'ticket type' });
  return listTicketTypes(scope);
}

/** How many tickets (of any status) hold each type (by key), so the admin sees what a removal would touch. */
export function ticketTypeUsage(scope: TenantScope) {
  return ticketsPerValue(scope, 'type');
}

/**
 * Deletes a type; its tickets move to the replacement or lose their type (deleteHeldRecord). The (tenant,
 * type) foreign key refuses the delete if any ticket still held the key, so nothing is ever dropped silently.
 */
export async function deleteTicketType(scope: StaffScope, input: z.output<typeof deleteTicketTypeInput>) {
  const moveTo = input.tickets.action === 'reassign' ? input.tickets.typeId : null;
  return deleteHeldRecord(scope, 'type', input.typeId, moveTo);
}

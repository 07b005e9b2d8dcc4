import { and, asc, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { DEFAULT_TICKET_CATEGORIES } from '@/lib/constants/ticket';
import type { deleteCategoryInput } from '@/lib/validators/ticket';
import { ticketCategories } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { withUniqueViolationAs } from '@/server/db/errors';
import { insertInWorkspace } from '@/server/db/insert-in-workspace';
import { AppError, notFound } from '@/server/errors';
import type { StaffScope } from '@/server/services/types';
import { deleteHeldRecord, listManagedRecords, seedManagedRecords, ticketsPerValue } from './managed-records';

export async function seedDefaultCategories(scope: TenantScope) {
  await seedManagedRecords(scope, ticketCategories, DEFAULT_TICKET_CATEGORIES);
}

export function listActiveCategories(scope: TenantScope) {
  return scope.db
    .select({
      id: ticketCategories.id,
      name: ticketCategories.name,
      description: ticketCategories.description,
      color: ticketCategories.color,
      icon: ticketCategories.icon,
      position: ticketCategories.position,
    })
    .from(ticketCategories)
    .where(and(eq(ticketCategories.tenantId, scope.tenantId), isNull(ticketCategories.archivedAt)))
    .orderBy(asc(ticketCategories.position), asc(ticketCategories.name));
}

export function listAllCategories(scope: TenantScope) {
  return listManagedRecords(scope, ticketCategories, ticketCategories.name);
}

const nameTaken = (name: string) =>
  new AppError('CONFLICT', `A category called "${name}" already exists.`, { field: 'name' });

export async function createCategory(
  scope: TenantScope,
  input: { name: string; description: string; color: string; icon: string },
) {
  return withUniqueViolationAs(
    () => nameTaken(input.name),
    () => insertInWorkspace(scope, ticketCategories, { ...input, position: 100 }),
  );
}

export async function updateCategory(
  scope: TenantScope,
  input: {
    categoryId: string;
    name?: string;
    description?: string;
    color?: string;
    icon?: string;
    position?: number;
    archived?: boolean;
  },
) {
  const { categoryId, archived, ...fields } = input;
  return withUniqueViolationAs(
    () => nameTaken(input.name ?? ''),
    async () => {
      const [row] = await scope.db
        .update(ticketCategories)
        .set({ ...fields, ...(archived === undefined ? {} : { archivedAt: archived ? new Date() : null }) })
        .where(eq(ticketCategories.id, categoryId))
        .returning();
      if (!row) throw notFound('The category');
      return row;
    },
  );
}

/** How many tickets (of any status) use each category, so the admin sees what a removal would touch. */
export function categoryUsage(scope: TenantScope) {
  return ticketsPerValue(scope, 'categoryId');
}

/** Deletes a category; the tickets using it move to the replacement or lose their category (deleteHeldRecord). */
export async function deleteCategory(scope: StaffScope, input: z.output<typeof deleteCategoryInput>) {
  const moveTo = input.tickets.action === 'reassign' ? input.tickets.categoryId : null;
  return deleteHeldRecord(scope, 'categoryId', input.categoryId, moveTo);
}

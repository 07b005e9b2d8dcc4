import { and, asc, count, eq, isNotNull, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { DEFAULT_TICKET_CATEGORIES } from '@/lib/constants/ticket';
import type { deleteCategoryInput } from '@/lib/validators/ticket';
import { ticketCategories, tickets } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { withUniqueViolationAs } from '@/server/db/errors';
import { insertInWorkspace } from '@/server/db/insert-in-workspace';
import { AppError, notFound } from '@/server/errors';
import type { StaffScope } from '@/server/services/types';
import { listManagedRecords } from './managed-records';
import { assertReferences } from './references';
import { rewriteTickets } from './rewrite-tickets';

export async function seedDefaultCategories(scope: TenantScope) {
  await scope.db
    .insert(ticketCategories)
    .values(DEFAULT_TICKET_CATEGORIES.map((c, position) => ({ tenantId: scope.tenantId, ...c, position })))
    .onConflictDoNothing();
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
export async function categoryUsage(scope: TenantScope) {
  const rows = await scope.db
    .select({ categoryId: tickets.categoryId, tickets: count() })
    .from(tickets)
    .where(and(eq(tickets.tenantId, scope.tenantId), isNotNull(tickets.categoryId)))
    .groupBy(tickets.categoryId);
  return rows.map((r) => ({ categoryId: r.categoryId!, tickets: r.tickets }));
}

/**
 * Deletes a category. The tickets using it move to the replacement or lose their category, each through
 * the ticket pipeline (activity "by <admin>", events, SLA), in the same transaction as the deletion.
 */
export async function deleteCategory(scope: StaffScope, input: z.output<typeof deleteCategoryInput>) {
  const [category] = await scope.db.select().from(ticketCategories).where(eq(ticketCategories.id, input.categoryId));
  if (!category) throw notFound('The category');
  const replacementId = input.tickets.action === 'reassign' ? input.tickets.categoryId : null;
  if (replacementId === category.id)
    throw new AppError('BAD_REQUEST', 'Choose a different category to move the tickets to, or clear it.', {
      field: 'categoryId',
    });
  let replacementName = '';
  if (replacementId) {
    await assertReferences(scope, { categoryId: replacementId });
    const [replacement] = await scope.db
      .select({ name: ticketCategories.name })
      .from(ticketCategories)
      .where(eq(ticketCategories.id, replacementId));
    replacementName = replacement!.name;
  }
  const moved = await rewriteTickets(
    scope,
    eq(tickets.categoryId, category.id),
    () => ({ categoryId: replacementId }),
    replacementId
      ? `Category "${category.name}" was deleted; moved to "${replacementName}"`
      : `Category "${category.name}" was deleted; category cleared`,
  );
  await scope.db.delete(ticketCategories).where(eq(ticketCategories.id, category.id));
  return { id: category.id, tickets: moved };
}

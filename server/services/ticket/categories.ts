import { and, asc, eq, isNull } from 'drizzle-orm';
import { DEFAULT_TICKET_CATEGORIES } from '@/lib/constants/ticket';
import { ticketCategories } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { isUniqueViolation } from '@/server/db/errors';
import { AppError, notFound } from '@/server/errors';

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
  return scope.db
    .select()
    .from(ticketCategories)
    .where(eq(ticketCategories.tenantId, scope.tenantId))
    .orderBy(asc(ticketCategories.position), asc(ticketCategories.name));
}

const nameTaken = (name: string) =>
  new AppError('CONFLICT', `A category called "${name}" already exists.`, { field: 'name' });

export async function createCategory(
  scope: TenantScope,
  input: { name: string; description: string; color: string; icon: string },
) {
  try {
    const [row] = await scope.db
      .insert(ticketCategories)
      .values({ tenantId: scope.tenantId, ...input, position: 100 })
      .returning();
    return row!;
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(input.name);
    throw error;
  }
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
  try {
    const [row] = await scope.db
      .update(ticketCategories)
      .set({ ...fields, ...(archived === undefined ? {} : { archivedAt: archived ? new Date() : null }) })
      .where(eq(ticketCategories.id, categoryId))
      .returning();
    if (!row) throw notFound('The category');
    return row;
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(input.name ?? '');
    throw error;
  }
}

import { and, asc, eq } from 'drizzle-orm';
import { articleCategories, articleSections } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { withUniqueViolationAs } from '@/server/db/errors';
import { insertInWorkspace } from '@/server/db/insert-in-workspace';
import { AppError, notFound } from '@/server/errors';

/** Every category with its sections, for the authoring screens (including categories with no article yet). */
export async function listArticleCategories(scope: TenantScope) {
  const categories = await scope.db
    .select()
    .from(articleCategories)
    .where(eq(articleCategories.tenantId, scope.tenantId))
    .orderBy(asc(articleCategories.position), asc(articleCategories.name));
  const sections = await scope.db
    .select()
    .from(articleSections)
    .where(eq(articleSections.tenantId, scope.tenantId))
    .orderBy(asc(articleSections.position), asc(articleSections.name));
  return categories.map((c) => ({ ...c, sections: sections.filter((s) => s.categoryId === c.id) }));
}

type CategoryFields = { slug: string; name: string; description: string; icon: string; position: number };

/** Creates a category, or updates one of this workspace's when `categoryId` is given. */
export async function saveArticleCategory(scope: TenantScope, input: CategoryFields & { categoryId?: string }) {
  const { categoryId, ...fields } = input;
  const slugTaken = () =>
    new AppError('CONFLICT', `Another category already uses the address "${input.slug}".`, { field: 'slug' });
  return withUniqueViolationAs(slugTaken, async () => {
    if (!categoryId) return insertInWorkspace(scope, articleCategories, fields);
    const [row] = await scope.db
      .update(articleCategories)
      .set({ ...fields, updatedAt: new Date() })
      .where(and(eq(articleCategories.tenantId, scope.tenantId), eq(articleCategories.id, categoryId)))
      .returning();
    if (!row) throw notFound('The category');
    return row;
  });
}

/** Creates a section in a category, or updates one (which may move it to another of this workspace's categories). */
export async function saveArticleSection(
  scope: TenantScope,
  input: { sectionId?: string; categoryId: string; name: string; position: number },
) {
  const [category] = await scope.db
    .select({ id: articleCategories.id })
    .from(articleCategories)
    .where(and(eq(articleCategories.tenantId, scope.tenantId), eq(articleCategories.id, input.categoryId)));
  if (!category) throw notFound('The category');
  const { sectionId, ...fields } = input;
  if (!sectionId) return insertInWorkspace(scope, articleSections, fields);
  const [row] = await scope.db
    .update(articleSections)
    .set(fields)
    .where(and(eq(articleSections.tenantId, scope.tenantId), eq(articleSections.id, sectionId)))
    .returning();
  if (!row) throw notFound('The section');
  return row;
}

import { and, asc, count, eq, inArray } from 'drizzle-orm';
import { articleCategories, articles, articleSections } from '@/server/db/schema';
import { notFound } from '@/server/errors';
import type { HelpScope } from './help-center-scope';
import { readableBy } from './visibility';

/** What a reader sees of a category, on the home page and on its own page alike. */
const publicCategoryColumns = {
  id: articleCategories.id,
  slug: articleCategories.slug,
  name: articleCategories.name,
  description: articleCategories.description,
  icon: articleCategories.icon,
};

/** Categories with at least one article this reader may see, in the workspace's order. */
export function listHelpCategories(scope: HelpScope) {
  // The inner join keeps only categories with a readable article; grouping by the key allows its other columns.
  return scope.db
    .select({ ...publicCategoryColumns, articleCount: count(articles.id) })
    .from(articleCategories)
    .innerJoin(articles, and(eq(articles.categoryId, articleCategories.id), readableBy(scope.audience)))
    .where(and(eq(articleCategories.tenantId, scope.tenantId), eq(articles.tenantId, scope.tenantId)))
    .groupBy(articleCategories.id)
    .orderBy(asc(articleCategories.position), asc(articleCategories.name));
}

/** One category page: its sections, each with the articles this reader may see; empty sections are left out. */
export async function getHelpCategory(scope: HelpScope, slug: string) {
  const [category] = await scope.db
    .select(publicCategoryColumns)
    .from(articleCategories)
    .where(and(eq(articleCategories.tenantId, scope.tenantId), eq(articleCategories.slug, slug)));
  if (!category) throw notFound('The category');
  const sections = await scope.db
    .select({ id: articleSections.id, name: articleSections.name })
    .from(articleSections)
    .where(eq(articleSections.categoryId, category.id))
    .orderBy(asc(articleSections.position), asc(articleSections.name));
  const list = await scope.db
    .select({
      id: articles.id,
      slug: articles.slug,
      title: articles.title,
      excerpt: articles.excerpt,
      sectionId: articles.sectionId,
    })
    .from(articles)
    .where(and(eq(articles.tenantId, scope.tenantId), eq(articles.categoryId, category.id), readableBy(scope.audience)))
    .orderBy(asc(articles.position), asc(articles.title));
  if (!list.length) throw notFound('The category');
  const sectionIds = new Set(sections.map((s) => s.id));
  const strip = ({ sectionId: _s, ...a }: (typeof list)[number]) => a;
  const grouped = sections
    .map((s) => ({ id: s.id, name: s.name, articles: list.filter((a) => a.sectionId === s.id).map(strip) }))
    .filter((s) => s.articles.length);
  const loose = list.filter((a) => !a.sectionId || !sectionIds.has(a.sectionId)).map(strip);
  return { category, sections: loose.length ? [...grouped, { id: null, name: null, articles: loose }] : grouped };
}

/** Article ids of a set that this reader may see (contextual help and suggestions check through this). */
export async function readableArticleIds(scope: HelpScope, ids: string[]) {
  if (!ids.length) return new Set<string>();
  const rows = await scope.db
    .select({ id: articles.id })
    .from(articles)
    .where(and(inArray(articles.id, ids), readableBy(scope.audience)));
  return new Set(rows.map((r) => r.id));
}

import { and, arrayOverlaps, asc, desc, eq, ne, or, sql } from 'drizzle-orm';
import { articleCategories, articles, articleSections } from '@/server/db/schema';
import { notFound } from '@/server/errors';
import type { HelpScope } from './help-center-scope';
import { markdownToText, renderArticleHtml } from './render-markdown';
import { readableBy } from './visibility';

const RELATED_LIMIT = 5;

/**
 * An article page: sanitized HTML, its place in the help center (for breadcrumbs) and related articles
 * (same section first, then same category or a shared tag). A draft, an internal article, or one this
 * reader may not see is simply not found.
 */
export async function getHelpArticle(scope: HelpScope, slug: string) {
  const [article] = await scope.db
    .select({
      id: articles.id,
      slug: articles.slug,
      title: articles.title,
      bodyMarkdown: articles.bodyMarkdown,
      excerpt: articles.excerpt,
      tags: articles.tags,
      categoryId: articles.categoryId,
      sectionId: articles.sectionId,
      publishedAt: articles.publishedAt,
      updatedAt: articles.updatedAt,
      visibility: articles.visibility,
    })
    .from(articles)
    .where(and(eq(articles.tenantId, scope.tenantId), eq(articles.slug, slug), readableBy(scope.audience)))
    .limit(1);
  if (!article) throw notFound('The article');

  const [category] = article.categoryId
    ? await scope.db
        .select({ slug: articleCategories.slug, name: articleCategories.name })
        .from(articleCategories)
        .where(eq(articleCategories.id, article.categoryId))
    : [];
  const [section] = article.sectionId
    ? await scope.db
        .select({ name: articleSections.name })
        .from(articleSections)
        .where(eq(articleSections.id, article.sectionId))
    : [];

  const sharesCategoryOrTag = or(
    article.categoryId ? eq(articles.categoryId, article.categoryId) : sql`false`,
    article.tags.length ? arrayOverlaps(articles.tags, article.tags) : sql`false`,
  );
  // Same section first (a CASE, since a plain comparison would sort NULL sections ahead under DESC).
  const otherSection = sql`case when ${articles.sectionId} = ${article.sectionId} then 0 else 1 end`;
  const others = and(eq(articles.tenantId, scope.tenantId), ne(articles.id, article.id), readableBy(scope.audience));
  const related = await scope.db
    .select({ id: articles.id, slug: articles.slug, title: articles.title })
    .from(articles)
    .where(and(others, sharesCategoryOrTag))
    .orderBy(...(article.sectionId ? [asc(otherSection)] : []), asc(articles.position), asc(articles.title))
    .limit(RELATED_LIMIT);

  return {
    id: article.id,
    slug: article.slug,
    title: article.title,
    bodyHtml: renderArticleHtml(article.bodyMarkdown),
    description: article.excerpt || markdownToText(article.bodyMarkdown, 160),
    tags: article.tags,
    publishedAt: article.publishedAt!,
    updatedAt: article.updatedAt,
    category: category ?? null,
    sectionName: section?.name ?? null,
    related,
  };
}

/** Every article an anonymous visitor may read, for the workspace's sitemap. */
export function listSitemapArticles(scope: HelpScope) {
  return scope.db
    .select({ slug: articles.slug, updatedAt: articles.updatedAt })
    .from(articles)
    .where(and(eq(articles.tenantId, scope.tenantId), readableBy('anonymous')))
    .orderBy(asc(articles.slug))
    .limit(50_000);
}

/** Most-read articles for the help-center home. */
export function listPopularArticles(scope: HelpScope, limit = 6) {
  return scope.db
    .select({ id: articles.id, slug: articles.slug, title: articles.title, excerpt: articles.excerpt })
    .from(articles)
    .where(and(eq(articles.tenantId, scope.tenantId), readableBy(scope.audience)))
    .orderBy(desc(articles.viewCount), asc(articles.title))
    .limit(limit);
}

import { and, eq, sql } from 'drizzle-orm';
import type { ArticleFieldsInput } from '@/lib/validators/help';
import { articles, articleVersions } from '@/server/db/schema';
import { withUniqueViolationAs } from '@/server/db/errors';
import { AppError } from '@/server/errors';
import type { StaffScope } from '@/server/services/types';
import { checkPlacement, loadArticle } from './queries';

const slugTaken = (slug: string) =>
  new AppError('CONFLICT', `Another article already uses the address "${slug}". Choose a different slug.`, {
    field: 'slug',
  });

const rethrowSlugConflict = <T>(slug: string, work: () => Promise<T>) =>
  withUniqueViolationAs(() => slugTaken(slug), work);

/** A new article starts as a draft with version 1; the author is the staff member writing it. */
export async function createArticle(scope: StaffScope, input: ArticleFieldsInput) {
  await checkPlacement(scope, input);
  return rethrowSlugConflict(input.slug, async () => {
    const [article] = await scope.db
      .insert(articles)
      .values({ tenantId: scope.tenantId, ...input, status: 'draft', authorId: scope.actor.userId, currentVersion: 1 })
      .returning({ id: articles.id, slug: articles.slug, currentVersion: articles.currentVersion });
    await scope.db.insert(articleVersions).values({
      tenantId: scope.tenantId,
      articleId: article!.id,
      version: 1,
      title: input.title,
      bodyMarkdown: input.bodyMarkdown,
      excerpt: input.excerpt,
      authorId: scope.actor.userId,
    });
    return article!;
  });
}

/**
 * Every save is a new version. The row lock taken by the update serialises two agents saving at once,
 * so version numbers never collide.
 */
export async function updateArticle(scope: StaffScope, input: ArticleFieldsInput & { articleId: string }, note = '') {
  await loadArticle(scope, input.articleId);
  await checkPlacement(scope, input);
  const { articleId, ...fields } = input;
  return rethrowSlugConflict(input.slug, async () => {
    const [article] = await scope.db
      .update(articles)
      .set({ ...fields, currentVersion: sql`${articles.currentVersion} + 1`, updatedAt: new Date() })
      .where(eq(articles.id, articleId))
      .returning({ id: articles.id, slug: articles.slug, currentVersion: articles.currentVersion });
    await scope.db.insert(articleVersions).values({
      tenantId: scope.tenantId,
      articleId,
      version: article!.currentVersion,
      title: fields.title,
      bodyMarkdown: fields.bodyMarkdown,
      excerpt: fields.excerpt,
      authorId: scope.actor.userId,
      note,
    });
    return article!;
  });
}

/** Brings back an earlier version's wording as a new version; the history itself is never rewritten. */
export async function restoreArticleVersion(scope: StaffScope, input: { articleId: string; version: number }) {
  const current = await loadArticle(scope, input.articleId);
  const [old] = await scope.db
    .select()
    .from(articleVersions)
    .where(and(eq(articleVersions.articleId, input.articleId), eq(articleVersions.version, input.version)));
  if (!old) throw new AppError('NOT_FOUND', `Version ${input.version} of this article was not found.`);
  return updateArticle(
    scope,
    {
      articleId: current.id,
      title: old.title,
      bodyMarkdown: old.bodyMarkdown,
      excerpt: old.excerpt,
      slug: current.slug,
      categoryId: current.categoryId,
      sectionId: current.sectionId,
      tags: current.tags,
      keywords: current.keywords,
      position: current.position,
      locale: current.locale as ArticleFieldsInput['locale'],
      visibility: current.visibility,
    },
    `Restored version ${input.version}`,
  );
}

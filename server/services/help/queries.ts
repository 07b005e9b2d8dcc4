import { and, asc, desc, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { ArticleStatus } from '@/lib/constants/help';
import { articleCategories, articles, articleSections, articleVersions, users } from '@/server/db/schema';
import { assertExists } from '@/server/db/exists-in-workspace';
import type { TenantScope } from '@/server/db/tenant';
import { AppError, notFound } from '@/server/errors';

/** The knowledge-base list agents see: every status and visibility. */
export function listArticlesForStaff(
  scope: TenantScope,
  input: { status?: ArticleStatus; categoryId?: string; query?: string },
) {
  const conditions: SQL[] = [eq(articles.tenantId, scope.tenantId)];
  if (input.status) conditions.push(eq(articles.status, input.status));
  if (input.categoryId) conditions.push(eq(articles.categoryId, input.categoryId));
  if (input.query) {
    const term = `%${input.query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(articles.title, term), ilike(articles.slug, term), ilike(articles.keywords, term))!);
  }
  return scope.db
    .select({
      id: articles.id,
      slug: articles.slug,
      title: articles.title,
      status: articles.status,
      visibility: articles.visibility,
      categoryId: articles.categoryId,
      categoryName: articleCategories.name,
      publishedAt: articles.publishedAt,
      scheduledFor: articles.scheduledFor,
      updatedAt: articles.updatedAt,
      viewCount: articles.viewCount,
      helpfulYes: articles.helpfulYes,
      helpfulNo: articles.helpfulNo,
      currentVersion: articles.currentVersion,
    })
    .from(articles)
    .leftJoin(articleCategories, eq(articleCategories.id, articles.categoryId))
    .where(and(...conditions))
    .orderBy(desc(articles.updatedAt), asc(articles.title))
    .limit(500);
}

/** An article of this workspace, or NOT_FOUND (another workspace's id is invisible behind RLS anyway). */
export async function loadArticle(scope: TenantScope, articleId: string) {
  const [article] = await scope.db
    .select()
    .from(articles)
    .where(and(eq(articles.tenantId, scope.tenantId), eq(articles.id, articleId)));
  if (!article) throw notFound('The article');
  return article;
}

/**
 * The editor's view: every field, and the list of saved versions (newest first), each with its author as a
 * nested object, like a ticket's requester; null once that user is gone.
 */
export async function getArticleForStaff(scope: TenantScope, articleId: string) {
  const { search: _search, ...article } = await loadArticle(scope, articleId);
  const versions = await scope.db
    .select({
      version: articleVersions.version,
      title: articleVersions.title,
      note: articleVersions.note,
      createdAt: articleVersions.createdAt,
      author: { name: users.name, email: users.email },
    })
    .from(articleVersions)
    .leftJoin(users, eq(users.id, articleVersions.authorId))
    .where(eq(articleVersions.articleId, articleId))
    .orderBy(desc(articleVersions.version));
  return { article, versions };
}

/** One saved version in full, to compare or restore. */
export async function getArticleVersion(scope: TenantScope, articleId: string, version: number) {
  await loadArticle(scope, articleId);
  const [row] = await scope.db
    .select({
      version: articleVersions.version,
      title: articleVersions.title,
      bodyMarkdown: articleVersions.bodyMarkdown,
      excerpt: articleVersions.excerpt,
      createdAt: articleVersions.createdAt,
    })
    .from(articleVersions)
    .where(and(eq(articleVersions.articleId, articleId), eq(articleVersions.version, version)));
  if (!row) throw notFound(`Version ${version}`);
  return row;
}

/**
 * Category and section ids come from the client: check they are this workspace's (a foreign key alone
 * would accept another workspace's id, since constraint checks don't see row-level security).
 */
export async function checkPlacement(
  scope: TenantScope,
  placement: { categoryId: string | null; sectionId: string | null },
) {
  if (placement.categoryId) {
    const inWorkspace = eq(articleCategories.tenantId, scope.tenantId);
    await assertExists(scope, articleCategories.id, placement.categoryId, 'The category', inWorkspace);
  }
  if (placement.sectionId) {
    const [section] = await scope.db
      .select({ categoryId: articleSections.categoryId })
      .from(articleSections)
      .where(and(eq(articleSections.tenantId, scope.tenantId), eq(articleSections.id, placement.sectionId)));
    if (!section) throw notFound('The section');
    if (section.categoryId !== placement.categoryId) {
      throw new AppError(
        'BAD_REQUEST',
        'That section belongs to another category. Pick a section of the chosen category.',
        { field: 'sectionId' },
      );
    }
  }
}

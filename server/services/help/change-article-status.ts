import { eq } from 'drizzle-orm';
import type { ArticleStatus } from '@/lib/constants/help';
import { articles } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { AppError } from '@/server/errors';
import { loadArticle } from './queries';

const RETURNING = {
  id: articles.id,
  status: articles.status,
  publishedAt: articles.publishedAt,
  scheduledFor: articles.scheduledFor,
};

/**
 * Publish, send to review, move back to draft or archive. Publishing now also cancels a pending schedule;
 * the first publish date is kept when an article is unpublished and published again.
 */
export async function setArticleStatus(scope: TenantScope, input: { articleId: string; status: ArticleStatus }) {
  const article = await loadArticle(scope, input.articleId);
  const now = new Date();
  const publishing = input.status === 'published';
  const [row] = await scope.db
    .update(articles)
    .set({
      status: input.status,
      scheduledFor: null,
      ...(publishing && (!article.publishedAt || article.publishedAt > now) ? { publishedAt: now } : {}),
      // A schedule that had not come due is withdrawn with the status change.
      ...(!publishing && article.publishedAt && article.publishedAt > now ? { publishedAt: null } : {}),
      updatedAt: now,
    })
    .where(eq(articles.id, article.id))
    .returning(RETURNING);
  return row!;
}

/** Scheduled publishing: readers see the article from `publishAt` on (the read rule compares publish time to now). */
export async function scheduleArticle(scope: TenantScope, input: { articleId: string; publishAt: Date }) {
  const article = await loadArticle(scope, input.articleId);
  if (input.publishAt.getTime() <= Date.now()) {
    throw new AppError('BAD_REQUEST', 'Pick a time in the future, or publish now instead.', { field: 'publishAt' });
  }
  const [row] = await scope.db
    .update(articles)
    .set({ status: 'published', publishedAt: input.publishAt, scheduledFor: input.publishAt, updatedAt: new Date() })
    .where(eq(articles.id, article.id))
    .returning(RETURNING);
  return row!;
}

import { and, eq, sql } from 'drizzle-orm';
import { articleFeedback, articles } from '@/server/db/schema';
import { notFound } from '@/server/errors';
import type { HelpScope } from './help-center-scope';
import { readableBy } from './visibility';

/**
 * "Was this helpful?": one row per answer (with the optional comment) and the running counts on the
 * article. Only an article this reader may see can be voted on; another workspace's id is not found.
 */
export async function submitArticleFeedback(scope: HelpScope, input: { articleId: string; helpful: boolean; comment?: string }) {
  const counter = input.helpful ? { helpfulYes: sql`${articles.helpfulYes} + 1` } : { helpfulNo: sql`${articles.helpfulNo} + 1` };
  const [article] = await scope.db
    .update(articles)
    .set(counter)
    .where(and(eq(articles.tenantId, scope.tenantId), eq(articles.id, input.articleId), readableBy(scope.audience)))
    .returning({ id: articles.id });
  if (!article) throw notFound('The article');
  await scope.db.insert(articleFeedback).values({
    tenantId: scope.tenantId,
    articleId: article.id,
    helpful: input.helpful,
    comment: input.comment?.trim() || null,
    customerId: scope.customerId,
  });
  return { recorded: true as const };
}

/** One more view of an article this reader may see; counted from the page in the browser, not on render. */
export async function recordArticleView(scope: HelpScope, articleId: string) {
  const [article] = await scope.db
    .update(articles)
    .set({ viewCount: sql`${articles.viewCount} + 1` })
    .where(and(eq(articles.tenantId, scope.tenantId), eq(articles.id, articleId), readableBy(scope.audience)))
    .returning({ id: articles.id });
  if (!article) throw notFound('The article');
  return { recorded: true as const };
}

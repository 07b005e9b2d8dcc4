import { and, eq, sql } from 'drizzle-orm';
import { articleFeedback, articles } from '@/server/db/schema';
import { consumeRateLimit, tryConsumeRateLimit } from '@/server/auth/rate-limit';
import { notFound } from '@/server/errors';
import type { HelpScope } from './help-center-scope';
import { readableBy } from './visibility';

/** Who is reading: a portal customer, an anonymous visitor with our cookie, or only an address. */
export type HelpReader = { visitorId: string | null; ip: string };

/** One vote per voter and article: the customer when signed in, else the visitor cookie, else the address. */
export function voterKey(scope: HelpScope, reader: HelpReader) {
  if (scope.customerId) return `customer:${scope.customerId}`;
  return reader.visitorId ? `visitor:${reader.visitorId}` : `ip:${reader.ip}`;
}

/**
 * "Was this helpful?": one row per voter and article (with the optional comment) and the running counts
 * on the article. Voting again changes the vote: the counts move from the old answer to the new one.
 * Only an article this reader may see can be voted on; another workspace's id is not found.
 */
export async function submitArticleFeedback(
  scope: HelpScope,
  input: { articleId: string; helpful: boolean; comment?: string; voterKey: string },
) {
  // The article row lock orders concurrent votes of one voter, so the counts always match the rows.
  const [article] = await scope.db
    .select({ id: articles.id })
    .from(articles)
    .where(and(eq(articles.tenantId, scope.tenantId), eq(articles.id, input.articleId), readableBy(scope.audience)))
    .for('update');
  if (!article) throw notFound('The article');
  const [previous] = await scope.db
    .select({ id: articleFeedback.id, helpful: articleFeedback.helpful })
    .from(articleFeedback)
    .where(and(eq(articleFeedback.articleId, article.id), eq(articleFeedback.voterKey, input.voterKey)));
  const comment = input.comment?.trim() || null;
  if (previous) {
    await scope.db
      .update(articleFeedback)
      .set({ helpful: input.helpful, ...(comment ? { comment } : {}), createdAt: new Date() })
      .where(eq(articleFeedback.id, previous.id));
  } else {
    await scope.db.insert(articleFeedback).values({
      tenantId: scope.tenantId,
      articleId: article.id,
      helpful: input.helpful,
      comment,
      customerId: scope.customerId,
      voterKey: input.voterKey,
    });
  }
  if (previous?.helpful !== input.helpful) {
    const moved = previous ? 1 : 0;
    await scope.db
      .update(articles)
      .set(
        input.helpful
          ? { helpfulYes: sql`${articles.helpfulYes} + 1`, helpfulNo: sql`${articles.helpfulNo} - ${moved}` }
          : { helpfulNo: sql`${articles.helpfulNo} + 1`, helpfulYes: sql`${articles.helpfulYes} - ${moved}` },
      )
      .where(eq(articles.id, article.id));
  }
  return { recorded: true as const };
}

/** A vote from the public help center: limited per voter and per address, then one vote per voter. */
export async function voteOnArticle(
  scope: HelpScope,
  reader: HelpReader,
  input: { articleId: string; helpful: boolean; comment?: string },
) {
  const voter = voterKey(scope, reader);
  await consumeRateLimit('articleVoteByVisitor', voter);
  await consumeRateLimit('articleVoteByIp', reader.ip);
  return submitArticleFeedback(scope, { ...input, voterKey: voter });
}

/**
 * One more view of an article this reader may see; counted from the page in the browser, not on render.
 * Counted once a day per reader and article, and not at all past the address's hourly limit: a script
 * reloading a page moves the count by one. The answer is the same either way.
 */
export async function recordArticleView(scope: HelpScope, articleId: string, reader: HelpReader) {
  const readable = and(eq(articles.tenantId, scope.tenantId), eq(articles.id, articleId), readableBy(scope.audience));
  const counts =
    (await tryConsumeRateLimit('articleViewOnce', `${voterKey(scope, reader)}|${articleId}`)) &&
    (await tryConsumeRateLimit('articleViewByIp', reader.ip));
  const [article] = counts
    ? await scope.db
        .update(articles)
        .set({ viewCount: sql`${articles.viewCount} + 1` })
        .where(readable)
        .returning({ id: articles.id })
    : await scope.db.select({ id: articles.id }).from(articles).where(readable);
  if (!article) throw notFound('The article');
  return { recorded: true as const };
}

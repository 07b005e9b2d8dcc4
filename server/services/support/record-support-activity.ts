import { and, eq } from 'drizzle-orm';
import type { SupportActivityKind, SupportSource } from '@/lib/constants/support';
import { articles, supportActivity } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { AppError } from '@/server/errors';

export type SupportActivity = {
  /** The browser tab's random support-session id (lib/utils/support-session.ts): no personal data. */
  sessionId: string;
  source: SupportSource;
  /** Path only; a query string or fragment is dropped here too. */
  pagePath: string;
  kind: SupportActivityKind;
  articleId?: string;
  ticketId?: string;
  /** When it happened; now by default (tests and imports pass their own clock). */
  at?: Date;
};

/**
 * Records one thing a support session did, the facts deflection is computed from. Stable for every caller:
 * the help center and portal (through help.recordActivity), the guest and portal request paths, the widget.
 * An article id must name an article of this workspace (it is the report's link target); the row itself
 * names no person.
 */
export async function recordSupportActivity(scope: TenantScope, activity: SupportActivity) {
  if (activity.kind === 'article_viewed' && !activity.articleId)
    throw new AppError('BAD_REQUEST', 'Say which article was viewed (articleId).', { field: 'articleId' });
  if (activity.articleId) {
    const [found] = await scope.db
      .select({ id: articles.id })
      .from(articles)
      .where(and(eq(articles.id, activity.articleId), eq(articles.status, 'published')));
    if (!found) throw new AppError('NOT_FOUND', 'The article was not found in this help center.');
  }
  await scope.db.insert(supportActivity).values({
    tenantId: scope.tenantId,
    sessionId: activity.sessionId,
    source: activity.source,
    kind: activity.kind,
    pagePath: activity.pagePath.split(/[?#]/)[0]!.slice(0, 500) || '/',
    articleId: activity.articleId ?? null,
    ticketId: activity.ticketId ?? null,
    occurredAt: activity.at ?? new Date(),
  });
  return { recorded: true as const };
}

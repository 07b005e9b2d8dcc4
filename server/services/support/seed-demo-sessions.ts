import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { articles } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { recordSupportActivity } from './record-support-activity';

const DAYS = 7;
const SESSIONS_PER_DAY = 9;
const SOURCES = ['portal', 'help_center', 'widget'] as const;
/** The demo widget's request came from this page of the host product (seed-demo-widget.ts). */
const WIDGET_HOST_PATH = '/settings/billing';

/**
 * A week of help-center, portal and widget sessions for the demo, so Admin → Deflection shows figures on first
 * start: sessions that read one of the demo's articles, some of which filed a request within 30 minutes.
 * Deterministic (no randomness but the session ids), so the demo reads the same on every machine.
 */
export async function seedDemoSupportSessions(scope: TenantScope, now = new Date()) {
  const published = await scope.db
    .select({ id: articles.id, slug: articles.slug })
    .from(articles)
    .where(and(eq(articles.tenantId, scope.tenantId), eq(articles.status, 'published')))
    .orderBy(asc(articles.position), asc(articles.title))
    .limit(6);
  if (!published.length) return 0;
  let sessions = 0;
  for (let day = DAYS; day >= 1; day--) {
    for (let n = 0; n < SESSIONS_PER_DAY; n++) {
      const article = published[(day * 7 + n * 3) % published.length]!;
      const start = new Date(now.getTime() - day * 86_400_000 + (9 + n) * 3_600_000);
      const sessionId = randomUUID();
      // A third each: the portal, the help center, and the widget on the host product's billing page
      // (the widget reports the host page's path, where the portal and help center report their own).
      const source = SOURCES[n % 3]!;
      const widget = source === 'widget';
      const pagePath = widget ? WIDGET_HOST_PATH : `/acme/help/articles/${article.slug}`;
      await recordSupportActivity(scope, {
        sessionId,
        source,
        pagePath: widget ? WIDGET_HOST_PATH : '/acme/help',
        kind: 'search',
        at: start,
      });
      await recordSupportActivity(scope, {
        sessionId,
        source,
        pagePath,
        kind: 'article_viewed',
        articleId: article.id,
        at: new Date(start.getTime() + 60_000),
      });
      // About one in four still files a request, a few minutes after reading.
      if ((day + n) % 4 === 0)
        await recordSupportActivity(scope, {
          sessionId,
          source: widget ? 'widget' : 'portal',
          pagePath: widget ? WIDGET_HOST_PATH : '/portal/new',
          kind: 'request_filed',
          at: new Date(start.getTime() + 8 * 60_000),
        });
      sessions++;
    }
  }
  return sessions;
}

import { sql } from 'drizzle-orm';
import { mailSettings, tenants } from '@/server/db/schema';
import { contextualArticlesQuery } from '@/server/services/help/contextual-help';
import { senderAddress } from '@/server/services/notification/sender';
import type { WidgetScope } from './with-widget';

type LinkedArticle = { id: string; slug: string; title: string; excerpt: string };

/**
 * The support address and the page's linked articles in one statement: the panel's opening call is on the
 * p95 ≤ 15 ms budget, and each statement is a round trip (to Postgres, or through PGlite's single session).
 * The same answers as workspaceSender + listContextualArticles, whose query and precedence it reuses.
 */
async function readAddressAndArticles(scope: WidgetScope, path: string | null) {
  const linked =
    path === null
      ? sql`'[]'::json`
      : sql`(
    select coalesce(json_agg(json_build_object('id', a.id, 'slug', a.slug, 'title', a.title, 'excerpt', a.excerpt)
      order by a.position), '[]'::json)
    from (${contextualArticlesQuery(scope, path)}) a)`;
  const result = await scope.db.execute<{
    from_address: string | null;
    support_email: string | null;
    articles: LinkedArticle[];
  }>(sql`
    select ${mailSettings.fromAddress} as from_address, ${tenants.settings} ->> 'supportEmail' as support_email,
      ${linked} as articles
    from ${tenants} left join ${mailSettings} on ${mailSettings.tenantId} = ${tenants.id}
    where ${tenants.id} = ${scope.tenantId}
  `);
  const row = result.rows[0]!;
  return { supportEmail: senderAddress(row.from_address, row.support_email), articles: row.articles };
}

/**
 * What the panel needs when it opens, in one call: the look, which parts are on, the support address for
 * the mailto fallback, whether the visitor's identity verified, and the articles linked to the page's path.
 */
export async function getWidgetConfig(scope: WidgetScope, path: string) {
  const { settings } = scope;
  const { supportEmail, articles } = await readAddressAndArticles(scope, settings.articlesEnabled ? path : null);
  return {
    workspaceName: scope.workspace.name,
    // Public anyway (they are the panel's frame-ancestors): the panel talks only to one of these.
    allowedOrigins: settings.allowedOrigins,
    position: settings.position,
    color: settings.color,
    greeting: settings.greeting,
    parts: {
      articles: settings.articlesEnabled,
      contactForm: settings.contactFormEnabled,
      conversations: settings.conversationsEnabled,
    },
    supportEmail,
    identified: Boolean(scope.visitor.verified),
    prefill: { email: scope.visitor.claimed?.email ?? null, name: scope.visitor.claimed?.name ?? null },
    articles,
  };
}

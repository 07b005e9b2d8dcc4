import { and, asc, eq } from 'drizzle-orm';
import { articles, helpLinks } from '@/server/db/schema';
import type { HelpScope } from './help-center-scope';
import { readableBy } from './visibility';

/** Normalised so `/orders/`, `/Orders?x=1` and `/orders` share their links. */
export function normalizeHelpPath(path: string) {
  const bare = path.split(/[?#]/)[0]!.toLowerCase().replace(/\/+$/, '');
  return bare.startsWith('/') ? bare || '/' : `/${bare}`;
}

/** A path shows at most this many linked articles. */
export const CONTEXTUAL_ARTICLES_MAX = 10;

/**
 * The articles a workspace linked to a path of its product, that this reader may see, in their order,
 * with that order's position (a caller embedding this as a subquery aggregates by it).
 */
export function contextualArticlesQuery(scope: HelpScope, path: string) {
  return scope.db
    .select({
      id: articles.id,
      slug: articles.slug,
      title: articles.title,
      excerpt: articles.excerpt,
      position: helpLinks.position,
    })
    .from(helpLinks)
    .innerJoin(articles, eq(articles.id, helpLinks.articleId))
    .where(
      and(
        eq(helpLinks.tenantId, scope.tenantId),
        eq(helpLinks.path, normalizeHelpPath(path)),
        readableBy(scope.audience),
      ),
    )
    .orderBy(asc(helpLinks.position))
    .limit(CONTEXTUAL_ARTICLES_MAX);
}

/** The articles a workspace linked to a path of its product, that this reader may see, in their order. */
export async function listContextualArticles(scope: HelpScope, path: string) {
  const rows = await contextualArticlesQuery(scope, path);
  return rows.map(({ id, slug, title, excerpt }) => ({ id, slug, title, excerpt }));
}

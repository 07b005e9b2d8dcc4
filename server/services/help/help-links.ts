import { and, asc, eq, inArray } from 'drizzle-orm';
import { articles, helpLinks } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { notFound } from '@/server/errors';
import { normalizeHelpPath } from './contextual-help';

/** Every path of the workspace's product with its linked articles, for the authoring screen. */
export async function listHelpLinks(scope: TenantScope) {
  const rows = await scope.db
    .select({
      path: helpLinks.path,
      articleId: helpLinks.articleId,
      title: articles.title,
      position: helpLinks.position,
    })
    .from(helpLinks)
    .innerJoin(articles, eq(articles.id, helpLinks.articleId))
    .where(eq(helpLinks.tenantId, scope.tenantId))
    .orderBy(asc(helpLinks.path), asc(helpLinks.position));
  const byPath = new Map<string, Array<{ id: string; title: string }>>();
  for (const row of rows)
    byPath.set(row.path, [...(byPath.get(row.path) ?? []), { id: row.articleId, title: row.title }]);
  return [...byPath].map(([path, list]) => ({ path, articles: list }));
}

/** Replaces the articles linked to one path (an empty list removes the path). Every id must be this workspace's. */
export async function setHelpLinks(scope: TenantScope, input: { path: string; articleIds: string[] }) {
  const path = normalizeHelpPath(input.path);
  const ids = [...new Set(input.articleIds)];
  if (ids.length) {
    const found = await scope.db
      .select({ id: articles.id })
      .from(articles)
      .where(and(eq(articles.tenantId, scope.tenantId), inArray(articles.id, ids)));
    if (found.length !== ids.length) throw notFound('One of the articles');
  }
  await scope.db.delete(helpLinks).where(and(eq(helpLinks.tenantId, scope.tenantId), eq(helpLinks.path, path)));
  if (ids.length)
    await scope.db
      .insert(helpLinks)
      .values(ids.map((articleId, position) => ({ tenantId: scope.tenantId, path, articleId, position })));
  return { path, articleIds: ids };
}

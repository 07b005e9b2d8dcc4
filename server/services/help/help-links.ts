import { and, asc, eq, sql } from 'drizzle-orm';
import { articles, helpLinks } from '@/server/db/schema';
import { assertAllExist } from '@/server/db/exists-in-workspace';
import type { TenantScope } from '@/server/db/tenant';
import { normalizeHelpPath } from './contextual-help';

type LinkedArticle = { id: string; title: string };

/** Every path of the workspace's product with its linked articles, for the authoring screen. */
export function listHelpLinks(scope: TenantScope) {
  // One row per path: the database groups the links, in their order, instead of a regrouping pass here.
  const article = sql`json_build_object('id', ${articles.id}, 'title', ${articles.title})`;
  const linked = sql<LinkedArticle[]>`json_agg(${article} order by ${helpLinks.position})`;
  return scope.db
    .select({ path: helpLinks.path, articles: linked })
    .from(helpLinks)
    .innerJoin(articles, eq(articles.id, helpLinks.articleId))
    .where(eq(helpLinks.tenantId, scope.tenantId))
    .groupBy(helpLinks.path)
    .orderBy(asc(helpLinks.path));
}

/** Replaces the articles linked to one path (an empty list removes the path). Every id must be this workspace's. */
export async function setHelpLinks(scope: TenantScope, input: { path: string; articleIds: string[] }) {
  const path = normalizeHelpPath(input.path);
  const ids = [...new Set(input.articleIds)];
  await assertAllExist(scope, articles.id, ids, 'One of the articles', eq(articles.tenantId, scope.tenantId));
  await scope.db.delete(helpLinks).where(and(eq(helpLinks.tenantId, scope.tenantId), eq(helpLinks.path, path)));
  if (ids.length)
    await scope.db
      .insert(helpLinks)
      .values(ids.map((articleId, position) => ({ tenantId: scope.tenantId, path, articleId, position })));
  return { path, articleIds: ids };
}

import { ARTICLE_VISIBILITIES } from '@/lib/constants/help';
import type { TenantScope } from '@/server/db/tenant';
import { searchArticles } from './search-articles';

/**
 * Agents search published articles of every visibility (internal ones included): to answer a ticket
 * or to insert a link into a reply. `matchAny` suits a ticket subject pasted as the query.
 */
export async function searchArticlesAsStaff(
  scope: TenantScope,
  input: { query: string; limit: number; matchAny?: boolean },
) {
  const items = await searchArticles(scope.db, {
    tenantId: scope.tenantId,
    query: input.query,
    visibilities: ARTICLE_VISIBILITIES,
    limit: input.limit,
    matchAny: input.matchAny,
  });
  return { items };
}

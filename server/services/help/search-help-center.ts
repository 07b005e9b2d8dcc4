import { AUDIENCE_VISIBILITIES, HELP_SUGGEST_LIMIT } from '@/lib/constants/help';
import { helpSearches } from '@/server/db/schema';
import type { HelpScope } from './help-center-scope';
import { searchArticles } from './search-articles';

/**
 * A reader's search. `track` records the term and how many results it found (the "searches with no
 * result" report); search-as-you-type passes false so half-typed words don't fill the report.
 */
export async function searchHelpCenter(
  scope: HelpScope,
  input: { query: string; categorySlug?: string; limit: number; track?: boolean },
) {
  const hits = await searchArticles(scope.db, {
    tenantId: scope.tenantId,
    query: input.query,
    visibilities: AUDIENCE_VISIBILITIES[scope.audience],
    categorySlug: input.categorySlug,
    limit: input.limit,
  });
  if (input.track !== false) {
    await scope.db
      .insert(helpSearches)
      .values({ tenantId: scope.tenantId, term: input.query.toLowerCase().slice(0, 200), resultCount: hits.length });
  }
  return { items: hits };
}

/** Deflection: up to three articles for what a customer is typing as a ticket subject. */
export async function suggestArticles(scope: HelpScope, subject: string) {
  if (subject.trim().length < 3) return { items: [] };
  const hits = await searchArticles(scope.db, {
    tenantId: scope.tenantId,
    query: subject,
    visibilities: AUDIENCE_VISIBILITIES[scope.audience],
    limit: HELP_SUGGEST_LIMIT,
    matchAny: true,
  });
  return { items: hits };
}

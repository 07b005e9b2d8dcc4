import { sql } from 'drizzle-orm';
import { helpSearchInput } from '@/lib/validators/help';
import { runInTenant } from '@/server/db/tenant';
import { withHelpCenter } from '@/server/services/help/help-center-scope';
import { getHelpArticle } from '@/server/services/help/public-articles';
import { searchHelpCenter } from '@/server/services/help/search-help-center';
import { scoreRelevance, type RelevanceScore } from '../helpers/help-relevance';
import { HELP_SEARCH_TERMS } from './corpus';
import type { Operation } from './measure';
import type { TrpcHttp } from './trpc-http';

// The help center as an anonymous reader meets it: the search box (help.search over tRPC HTTP, beside the
// same service inside withHelpCenter in this process) and an article page (the production server's HTML
// for /{workspace}/help/articles/{slug}, beside the service the page reads through).

export type HelpTarget = { slug: string; tenantId: string; articles: number };

/** How many articles a reader could find holding every word of the query (for the label). */
async function matchingArticles(target: HelpTarget, query: string) {
  return runInTenant(target.tenantId, async (scope) => {
    const result = await scope.db.execute<{ n: number }>(sql`
      select count(*)::int as n from articles
      where tenant_id = ${target.tenantId} and status = 'published' and visibility = 'public' and search @@ websearch_to_tsquery('english', ${query})`);
    return result.rows[0]!.n;
  });
}

/** Random public article slugs (one read, outside any timing). */
async function sampleSlugs(target: HelpTarget, count: number) {
  return runInTenant(target.tenantId, async (scope) => {
    const result = await scope.db.execute<{ slug: string }>(sql`
      select slug from articles where tenant_id = ${target.tenantId} and status = 'published' and visibility = 'public' order by random() limit ${count}`);
    return result.rows.map((r) => r.slug);
  });
}

/** GET of a help-center page; anything but a 200 carrying the article is an error, not a figure. */
async function fetchPage(baseUrl: string, path: string) {
  const res = await fetch(`${baseUrl}${path}`, { signal: AbortSignal.timeout(30_000) });
  const html = await res.text();
  if (res.status !== 200 || !html.includes('<article'))
    throw new Error(`GET ${path} answered ${res.status}; expected the article page.`);
  return html.length;
}

export async function helpOperations(
  target: HelpTarget,
  http: TrpcHttp,
  baseUrl: string,
  samples: number,
): Promise<Operation[]> {
  const operations: Operation[] = [];
  for (const term of HELP_SEARCH_TERMS) {
    // The search results page's call: tracked, ten results.
    const raw = { workspace: target.slug, query: term.query };
    const input = helpSearchInput.parse(raw);
    const matches = await matchingArticles(target, term.query);
    operations.push({
      kind: 'help-search',
      label: `help.search "${term.query}" (${term.label}; ${matches ? `${matches.toLocaleString('en')} hold every word` : 'none holds every word: corrected or partial'})`,
      http: () => http.query('help.search', raw),
      direct: () => withHelpCenter(target.slug, null, (scope) => searchHelpCenter(scope, input)),
    });
  }
  // Different random articles on each side, so neither reads rows the other has just brought into cache.
  const slugs = await sampleSlugs(target, samples * 2);
  const slug = (i: number) => slugs[i % slugs.length]!;
  operations.push({
    kind: 'help-page',
    label: 'article page: GET /{workspace}/help/articles/{slug} (random articles) vs. getHelpArticle',
    http: (i) => fetchPage(baseUrl, `/${target.slug}/help/articles/${slug(2 * i + 1)}`),
    direct: (i) => withHelpCenter(target.slug, null, (scope) => getHelpArticle(scope, slug(2 * i))),
  });
  return operations;
}

/** The relevance set through help.search over HTTP, as an anonymous reader (untracked, like search-as-you-type). */
export function measureRelevance(http: TrpcHttp, workspace: string): Promise<RelevanceScore> {
  return scoreRelevance(async (query) =>
    (
      await http.query<{ items: Array<{ slug: string }> }>('help.search', { workspace, query, limit: 10, track: false })
    ).items.map((i) => i.slug),
  );
}

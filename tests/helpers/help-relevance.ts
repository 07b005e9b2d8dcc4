import { createArticleInput } from '@/lib/validators/help';
import { runInTenant } from '@/server/db/tenant';
import { saveArticleCategory } from '@/server/services/help/article-categories';
import { setArticleStatus } from '@/server/services/help/change-article-status';
import { createArticle } from '@/server/services/help/save-article';
import type { Actor } from '@/server/services/types';
import { RELEVANCE_CATEGORIES, RELEVANCE_QUERIES, type RelevanceQuery } from '../fixtures/help-relevance';

// The relevance set as readers meet it: seeded through the authoring services, scored through whatever
// search the caller passes (the public procedure in the test, tRPC over HTTP in the bench).

/** Publishes the fixture's categories and articles in one workspace, as an author of it would. */
export async function seedRelevanceSet(workspaceId: string, author: Actor) {
  await runInTenant(
    workspaceId,
    async (scope) => {
      const staff = { ...scope, actor: author };
      for (const [position, group] of RELEVANCE_CATEGORIES.entries()) {
        const category = await saveArticleCategory(scope, {
          slug: group.slug,
          name: group.name,
          description: group.description,
          icon: group.icon,
          position,
        });
        for (const [index, article] of group.articles.entries()) {
          const input = createArticleInput.parse({
            title: article.title,
            slug: article.slug,
            bodyMarkdown: article.body,
            excerpt: article.excerpt,
            keywords: article.keywords,
            tags: article.tags,
            categoryId: category.id,
            position: index,
          });
          const created = await createArticle(staff, input);
          await setArticleStatus(scope, { articleId: created.id, status: 'published' });
        }
      }
    },
    author.userId,
  );
}

export type RelevanceMiss = RelevanceQuery & { rank: number | null; got: string[] };
export type RelevanceScore = {
  queries: number;
  first: number;
  topThree: number;
  firstShare: number;
  topThreeShare: number;
  misses: RelevanceMiss[];
};

/** Runs every query and counts how often the expected article comes first, and within the first three. */
export async function scoreRelevance(search: (query: string) => Promise<string[]>): Promise<RelevanceScore> {
  let first = 0;
  let topThree = 0;
  const misses: RelevanceMiss[] = [];
  for (const q of RELEVANCE_QUERIES) {
    const slugs = await search(q.query);
    const index = slugs.indexOf(q.expected);
    if (index === 0) first++;
    if (index >= 0 && index < 3) topThree++;
    if (index !== 0) misses.push({ ...q, rank: index >= 0 ? index + 1 : null, got: slugs.slice(0, 3) });
  }
  const share = (n: number) => Math.round((n / RELEVANCE_QUERIES.length) * 1000) / 1000;
  return {
    queries: RELEVANCE_QUERIES.length,
    first,
    topThree,
    firstShare: share(first),
    topThreeShare: share(topThree),
    misses,
  };
}

export function describeScore(score: RelevanceScore) {
  const pct = (v: number) => `${(v * 100).toFixed(0)}%`;
  const lines = [
    `first ${score.first}/${score.queries} (${pct(score.firstShare)}), top three ${score.topThree}/${score.queries} (${pct(score.topThreeShare)})`,
  ];
  for (const m of score.misses)
    lines.push(
      `  ${m.rank ? `#${m.rank}` : 'missing'} "${m.query}" → expected ${m.expected}; got ${m.got.join(', ') || 'nothing'}`,
    );
  return lines.join('\n');
}

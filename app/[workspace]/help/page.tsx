import type { Metadata } from 'next';
import Link from 'next/link';
import { ArticleLinkList } from '@/components/help/article-link-list';
import { CategoryCard } from '@/components/help/category-card';
import { HelpSearchBox } from '@/components/help/help-search-box';
import { SearchBeacon } from '@/components/help/search-beacon';
import { SearchResults } from '@/components/help/search-results';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/card';
import { linksFor, loadWorkspace, requireWorkspace } from '../_lib/workspace';
import { canonicalUrl } from './_lib/canonical';
import { readHelpHome, readHelpSearch } from './_lib/help-reader';

type Props = { params: Promise<{ workspace: string }>; searchParams: Promise<{ q?: string | string[] }> };

const queryOf = (q: string | string[] | undefined) => (typeof q === 'string' ? q.trim().slice(0, 200) : '');

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const workspace = await loadWorkspace((await params).workspace);
  if (!workspace) return {};
  const query = queryOf((await searchParams).q);
  return {
    title: query ? `Search: ${query}` : 'Help center',
    description: `Answers and guides from the ${workspace.name} team.`,
    alternates: { canonical: canonicalUrl(workspace.slug) },
    // Result pages are endless variations of the home page; only the home itself should be indexed.
    robots: query ? { index: false, follow: true } : undefined,
  };
}

export default async function HelpCenterHomePage({ params, searchParams }: Props) {
  const workspace = await requireWorkspace((await params).workspace);
  const paths = await linksFor(workspace.slug);
  const query = queryOf((await searchParams).q);
  const articleBase = `${paths.help}/articles`;
  const [home, results] = await Promise.all([readHelpHome(workspace), query ? readHelpSearch(workspace, query) : null]);

  return (
    <div className="space-y-10">
      <section aria-labelledby="help-heading" className="flex flex-col items-center gap-4 text-center">
        <h1 id="help-heading" className="text-2xl font-bold tracking-tight sm:text-3xl">
          How can we help?
        </h1>
        <p className="max-w-xl text-slate-600">
          Search the {workspace.name} help center, or submit a request and we&apos;ll get back to you.
        </p>
        <HelpSearchBox workspace={workspace.slug} action={paths.help} articleBase={articleBase} defaultValue={query} />
      </section>

      {results ? (
        <section aria-labelledby="results-heading" className="space-y-4">
          <h2 id="results-heading" className="text-lg font-semibold">
            Search results
          </h2>
          <SearchBeacon workspace={workspace.slug} query={query} resultCount={results.items.length} />
          <SearchResults
            query={query}
            items={results.items}
            articleBase={articleBase}
            submitRequestHref={paths.submitRequest}
          />
        </section>
      ) : null}

      <section aria-labelledby="topics-heading" className="space-y-4">
        <h2 id="topics-heading" className="text-lg font-semibold">
          Browse by topic
        </h2>
        {home.categories.length ? (
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {home.categories.map((category) => (
              <li key={category.id}>
                <CategoryCard href={`${paths.help}/categories/${category.slug}`} {...category} />
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState
            title="No articles yet"
            description="There are no help articles here yet. If you need a hand, send us a request and the team will reply by email."
            action={
              <Button asChild>
                <Link href={paths.submitRequest}>Submit a request</Link>
              </Button>
            }
          />
        )}
      </section>

      {home.popular.length && !results ? (
        <section aria-labelledby="popular-heading" className="space-y-4">
          <h2 id="popular-heading" className="text-lg font-semibold">
            Popular articles
          </h2>
          <ArticleLinkList items={home.popular} articleBase={articleBase} />
        </section>
      ) : null}
    </div>
  );
}

'use client';

import { useQuery } from '@tanstack/react-query';
import { FileText, Search } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { SearchInput } from '@/components/ui/input';
import { QueryView } from '@/components/ui/query-view';
import { useDebouncedValue } from '@/components/ui/use-debounced-value';
import { useTRPC } from '@/lib/trpc/client';
import { BackButton } from './back-button';

type ArticleLink = { id: string; slug: string; title: string; excerpt: string };

export function ArticleList({ items, onOpen }: { items: ArticleLink[]; onOpen: (article: ArticleLink) => void }) {
  return (
    <ul className="divide-y rounded-md border">
      {items.map((article) => (
        <li key={article.id}>
          <button
            type="button"
            className="flex w-full items-start gap-2 p-3 text-left hover:bg-gray-50 focus-visible:bg-gray-50"
            onClick={() => onOpen(article)}
          >
            <FileText className="mt-0.5 size-4 shrink-0 text-gray-500" aria-hidden />
            <span>
              <span className="block text-sm font-medium">{article.title}</span>
              {article.excerpt ? <span className="line-clamp-2 text-xs text-gray-600">{article.excerpt}</span> : null}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}

/**
 * Search-as-you-type over the help center an anonymous visitor may read. `onSearched` fires once per
 * settled query that got an answer (a deflection fact), not per keystroke.
 */
export function WidgetSearch({
  workspace,
  onOpen,
  onSearched,
}: {
  workspace: string;
  onOpen: (article: ArticleLink) => void;
  onSearched?: () => void;
}) {
  const trpc = useTRPC();
  const [query, setQuery] = useState('');
  const settled = useDebouncedValue(query.trim(), 200);
  const search = useQuery({
    ...trpc.help.search.queryOptions({ workspace, query: settled, limit: 6, track: false }),
    enabled: settled.length >= 2,
  });
  const reported = useRef<string | null>(null);
  useEffect(() => {
    if (!search.isSuccess || reported.current === settled) return;
    reported.current = settled;
    onSearched?.();
  }, [search.isSuccess, settled, onSearched]);
  return (
    <div className="space-y-2">
      <div className="relative">
        <label htmlFor="widget-search" className="sr-only">
          Search the help center
        </label>
        <Search className="absolute top-2.5 left-2.5 size-4 text-gray-500" aria-hidden />
        <SearchInput
          id="widget-search"
          className="pl-8"
          placeholder="Search for answers"
          value={query}
          onValueChange={setQuery}
        />
      </div>
      {settled.length < 2 ? null : (
        <QueryView query={search} loading={{ rows: 2, label: 'Searching' }} retry>
          {(data) =>
            data.items.length ? (
              <ArticleList items={data.items} onOpen={onOpen} />
            ) : (
              <p className="text-sm text-gray-600">No articles match “{settled}”.</p>
            )
          }
        </QueryView>
      )}
    </div>
  );
}

/** An article read inside the panel; its HTML is sanitized by the help center's renderer. */
export function WidgetArticle({ workspace, slug, onBack }: { workspace: string; slug: string; onBack: () => void }) {
  const trpc = useTRPC();
  const article = useQuery(trpc.help.article.queryOptions({ workspace, slug }));
  return (
    <div className="space-y-3">
      <BackButton label="Back" onClick={onBack} />
      <QueryView query={article} loading={{ rows: 4, label: 'Loading the article' }} retry>
        {(data) => (
          <article>
            <h2 className="mb-2 text-lg font-semibold">{data.title}</h2>
            <div className="prose prose-sm max-w-none" dangerouslySetInnerHTML={{ __html: data.bodyHtml }} />
          </article>
        )}
      </QueryView>
    </div>
  );
}

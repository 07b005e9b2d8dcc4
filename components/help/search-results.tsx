import Link from 'next/link';
import { SnippetLine, type SnippetPart } from './snippet-text';

type Hit = {
  id: string;
  slug: string;
  title: string;
  categoryName: string | null;
  snippet: SnippetPart[];
  fuzzy: boolean;
};

/** The full results page of a help-center search. */
export function SearchResults({
  query,
  items,
  articleBase,
  submitRequestHref,
}: {
  query: string;
  items: Hit[];
  articleBase: string;
  submitRequestHref: string;
}) {
  if (!items.length) {
    return (
      <div role="status" className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-10 text-center">
        <p className="font-medium text-slate-900">No articles match “{query}”.</p>
        <p className="mt-1 text-sm text-slate-600">
          Try fewer or different words, or{' '}
          <Link href={submitRequestHref} className="text-brand underline">
            submit a request
          </Link>{' '}
          and the team will reply by email.
        </p>
      </div>
    );
  }
  return (
    <div className="space-y-3">
      <p role="status" className="text-sm text-slate-600">
        {items[0]!.fuzzy
          ? `No article matches “${query}” exactly. These match most of it, or the words it most likely meant:`
          : `${items.length} ${items.length === 1 ? 'article matches' : 'articles match'} “${query}”.`}
      </p>
      <ol className="space-y-3">
        {items.map((item) => (
          <li key={item.id} className="rounded-lg border border-slate-200 bg-white p-4">
            <Link
              href={`${articleBase}/${item.slug}`}
              className="text-base font-semibold text-slate-900 hover:text-brand hover:underline"
            >
              {item.title}
            </Link>
            {item.categoryName ? <p className="text-xs text-slate-500">{item.categoryName}</p> : null}
            <SnippetLine parts={item.snippet} className="mt-1 text-sm text-slate-700" />
          </li>
        ))}
      </ol>
    </div>
  );
}

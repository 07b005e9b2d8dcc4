'use client';

import { skipToken, useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/lib/trpc/client';
import { SnippetLine } from './snippet-text';
import { useSupportActivity } from './use-support-activity';
import { useDebouncedValue } from '@/components/ui/use-debounced-value';

type Props = { workspace: string; subject: string; articleBase: string };

/**
 * Deflection on the contact form: while the customer types a subject, up to three articles that may
 * already answer it (help.suggest). Links open in a new tab so a half-written request is not lost.
 */
export function ArticleSuggestions({ workspace, subject, articleBase }: Props) {
  const trpc = useTRPC();
  const recordActivity = useSupportActivity(workspace, 'portal');
  const settled = useDebouncedValue(subject.trim(), 400);
  const suggestions = useQuery({
    ...trpc.help.suggest.queryOptions(settled.length >= 3 ? { workspace, subject: settled } : skipToken),
    staleTime: 60_000,
  });
  const items = settled.length >= 3 ? (suggestions.data?.items ?? []) : [];
  if (!items.length) return null;
  return (
    <section
      aria-labelledby="suggestions-heading"
      aria-live="polite"
      className="rounded-md border border-sky-200 bg-sky-50 p-4"
    >
      <h2 id="suggestions-heading" className="text-sm font-semibold text-slate-900">
        These articles may answer your question
      </h2>
      <ul className="mt-2 space-y-2">
        {items.map((item) => (
          <li key={item.id} className="text-sm">
            <a
              href={`${articleBase}/${item.slug}`}
              target="_blank"
              rel="noopener"
              // The article opens in its own tab (a session of its own): the click is this session's view.
              onClick={() => recordActivity({ kind: 'article_viewed', articleId: item.id })}
              className="font-medium text-brand underline"
            >
              {item.title}
            </a>
            <SnippetLine parts={item.snippet} className="line-clamp-2 text-xs text-slate-600" />
          </li>
        ))}
      </ul>
    </section>
  );
}

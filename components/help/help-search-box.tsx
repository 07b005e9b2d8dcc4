'use client';

import { keepPreviousData, skipToken, useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useId, useState, type KeyboardEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { moveActiveOption } from '@/components/ui/listbox-keys';
import { useTRPC } from '@/lib/trpc/client';
import { cn } from '@/lib/utils/cn';
import { SnippetLine } from './snippet-text';
import { useDebouncedValue } from '@/components/ui/use-debounced-value';

type Props = { workspace: string; action: string; articleBase: string; defaultValue?: string };

const MIN_CHARS = 2;

/**
 * Search as you type (debounced) with a keyboard-navigable list: ↑/↓ move, Enter opens the highlighted
 * article, Escape closes. Without JavaScript, or with nothing highlighted, it is a plain GET form that
 * lands on the full results page.
 */
export function HelpSearchBox({ workspace, action, articleBase, defaultValue = '' }: Props) {
  const trpc = useTRPC();
  const router = useRouter();
  const listId = useId();
  const [value, setValue] = useState(defaultValue);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const query = useDebouncedValue(value.trim());
  const enabled = open && query.length >= MIN_CHARS;
  const results = useQuery({
    // Not recorded in the search report (track: false): half-typed words would drown the real searches.
    ...trpc.help.search.queryOptions(enabled ? { workspace, query, limit: 6, track: false } : skipToken),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const items = enabled ? (results.data?.items ?? []) : [];
  const showList = enabled && (items.length > 0 || (results.isFetched && !results.isFetching));

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (moveActiveOption(event, items.length, setActive)) {
      setOpen(true);
    } else if (event.key === 'Enter' && active >= 0 && items[active]) {
      event.preventDefault();
      router.push(`${articleBase}/${items[active].slug}`);
    } else if (event.key === 'Escape') {
      setOpen(false);
      setActive(-1);
    }
  }

  return (
    <form
      role="search"
      action={action}
      method="get"
      className="relative flex w-full max-w-xl flex-col gap-2 sm:flex-row print:hidden"
    >
      <label htmlFor={`${listId}-input`} className="sr-only">
        Search articles
      </label>
      <div className="relative flex-1">
        <Input
          id={`${listId}-input`}
          name="q"
          type="search"
          autoComplete="off"
          role="combobox"
          aria-expanded={showList}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={active >= 0 ? `${listId}-${active}` : undefined}
          value={value}
          onChange={(e) => {
            setValue(e.target.value);
            setOpen(true);
            setActive(-1);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
          onKeyDown={onKeyDown}
          placeholder="Search for answers"
          maxLength={200}
          className="h-11"
        />
        {showList ? (
          <ul
            id={listId}
            role="listbox"
            aria-label="Suggested articles"
            className="absolute inset-x-0 top-12 z-20 max-h-96 overflow-auto rounded-md border border-slate-200 bg-white py-1 text-left shadow-lg"
          >
            {items.length ? (
              items.map((item, index) => (
                <li
                  key={item.id}
                  id={`${listId}-${index}`}
                  role="option"
                  aria-selected={index === active}
                  onMouseEnter={() => setActive(index)}
                  onMouseDown={(e) => {
                    // Before the input's blur closes the list.
                    e.preventDefault();
                    router.push(`${articleBase}/${item.slug}`);
                  }}
                  className={cn('cursor-pointer px-3 py-2', index === active ? 'bg-slate-100' : '')}
                >
                  <p className="text-sm font-medium text-slate-900">{item.title}</p>
                  <SnippetLine parts={item.snippet} className="line-clamp-2 text-xs text-slate-600" />
                </li>
              ))
            ) : (
              <li role="option" aria-selected={false} aria-disabled className="px-3 py-2 text-sm text-slate-600">
                No articles match “{query}”. Press Enter to search everything, or submit a request.
              </li>
            )}
          </ul>
        ) : null}
      </div>
      <Button type="submit" className="h-11 sm:w-auto">
        Search
      </Button>
    </form>
  );
}

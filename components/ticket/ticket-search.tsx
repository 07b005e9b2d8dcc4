'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useId, useState, type KeyboardEvent, type Ref } from 'react';
import { Spinner } from '@/components/ui/card';
import { moveActiveOption } from '@/components/ui/listbox-keys';
import { describeError } from '@/lib/trpc/errors';
import { useTRPC } from '@/lib/trpc/client';
import { cn } from '@/lib/utils/cn';
import { HighlightedSnippet } from './highlighted-snippet';
import { StatusBadge } from './ticket-badges';
import { useDebouncedValue } from '@/components/ui/use-debounced-value';

export const ticketPath = (ticketId: string) => `/agent/tickets/${ticketId}`;

/**
 * Full-text ticket search as a combobox: type, arrow through the results, Enter opens one. A ticket
 * number (42, SUP-2026-00000042) finds that ticket directly.
 */
export function TicketSearch({ className, ref }: { className?: string; ref?: Ref<HTMLInputElement> }) {
  const trpc = useTRPC();
  const router = useRouter();
  const listboxId = useId();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const term = useDebouncedValue(query.trim(), 250);
  const search = useQuery({
    ...trpc.ticket.search.queryOptions({ query: term, limit: 8 }),
    enabled: term.length > 0,
    placeholderData: keepPreviousData,
  });
  const items = term ? (search.data?.items ?? []) : [];
  const showList = open && term.length > 0;

  function openTicket(id: string) {
    setOpen(false);
    setQuery('');
    router.push(ticketPath(id));
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (moveActiveOption(event, items.length, setActive)) {
      setOpen(true);
    } else if (event.key === 'Enter') {
      const hit = items[active] ?? items[0];
      if (hit) {
        event.preventDefault();
        openTicket(hit.id);
      }
    } else if (event.key === 'Escape') {
      if (open && query) {
        event.preventDefault();
        setOpen(false);
      } else {
        event.currentTarget.blur();
      }
    }
  }

  return (
    <div className={cn('relative', className)}>
      <label htmlFor={`${listboxId}-input`} className="sr-only">
        Search tickets
      </label>
      <input
        ref={ref}
        id={`${listboxId}-input`}
        type="search"
        role="combobox"
        aria-expanded={showList}
        aria-controls={listboxId}
        aria-autocomplete="list"
        aria-activedescendant={showList && items[active] ? `${listboxId}-${items[active].id}` : undefined}
        placeholder="Search tickets  ( / )"
        autoComplete="off"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        // Delay so a click on a result lands before the list disappears.
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
        className="h-10 w-full rounded-md border border-slate-300 bg-white px-3 text-sm shadow-sm placeholder:text-slate-400 focus:border-brand focus:outline-none"
      />
      {showList ? (
        <div className="absolute left-0 right-0 z-40 mt-1 max-h-96 overflow-y-auto rounded-md border border-slate-200 bg-white shadow-lg sm:min-w-[28rem]">
          {search.isPending || (search.isFetching && !items.length) ? (
            <p className="flex items-center gap-2 px-3 py-3 text-sm text-slate-600">
              <Spinner label="Searching" /> Searching…
            </p>
          ) : search.isError ? (
            <p role="alert" className="px-3 py-3 text-sm text-red-700">
              {describeError(search.error).message}
            </p>
          ) : items.length === 0 ? (
            <p className="px-3 py-3 text-sm text-slate-600">No tickets match “{term}”.</p>
          ) : null}
          <ul id={listboxId} role="listbox" aria-label="Matching tickets" className={items.length ? 'py-1' : 'hidden'}>
            {items.map((hit, index) => (
              // Combobox: the keyboard stays in the input (aria-activedescendant); a click is the mouse's way.
              // eslint-disable-next-line jsx-a11y/click-events-have-key-events
              <li
                key={hit.id}
                id={`${listboxId}-${hit.id}`}
                role="option"
                aria-selected={index === active}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => openTicket(hit.id)}
                onMouseEnter={() => setActive(index)}
                className={cn('cursor-pointer px-3 py-2', index === active ? 'bg-slate-100' : '')}
              >
                <span className="flex items-center gap-2 text-sm">
                  <span className="shrink-0 font-mono text-xs text-slate-500">{hit.displayNumber}</span>
                  <span className="min-w-0 flex-1 truncate font-medium text-slate-900">{hit.subject}</span>
                  <StatusBadge status={hit.status} />
                </span>
                <span className="mt-0.5 line-clamp-2 block text-xs text-slate-600">
                  <HighlightedSnippet snippet={hit.snippet} />
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

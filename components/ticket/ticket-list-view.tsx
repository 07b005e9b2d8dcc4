'use client';

import { keepPreviousData, useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { EmptyState, Spinner } from '@/components/ui/card';
import { ErrorAlert } from '@/components/ui/error-alert';
import { SkeletonList } from '@/components/ui/skeleton';
import { VIEW_LABELS } from '@/lib/constants/ticket';
import { ADMIN_ROLES } from '@/lib/constants/workspace';
import { useTRPC } from '@/lib/trpc/client';
import { BulkActionBar } from './bulk-action-bar';
import { EMPTY_FILTERS, hasFilters, listInput, toTicketFilters } from './list-filters';
import { focusedRow, moveRowFocus } from './list-navigation';
import { SaveViewButton } from './save-view-dialog';
import { TicketBoard } from './ticket-board';
import { TicketFilterBar, type ListControls } from './ticket-filter-bar';
import { ticketPath } from './ticket-search';
import { TicketTable } from './ticket-table';
import { useDebouncedValue } from '@/components/ui/use-debounced-value';
import { useHotkeys } from './use-hotkeys';
import type { ActiveList } from './active-list';

const LAYOUT_KEY = 'cairn.ticket-layout';

const EMPTY_COPY: Record<ActiveList['kind'] | 'filtered', { title: string; description: string }> = {
  view: { title: 'Nothing in this view', description: 'Tickets appear here as soon as they match. Enjoy the quiet.' },
  saved: { title: 'No tickets match this view', description: 'Tickets appear here as soon as they match its filters.' },
  all: {
    title: 'No tickets yet',
    description: 'When customers email your support address or write in through the portal, their tickets land here.',
  },
  filtered: {
    title: 'No tickets match these filters',
    description: 'Loosen a filter or clear them all to see more tickets.',
  },
};

/** A ticket list with filters, sort, table/board layouts, keyset "Load more", selection and bulk actions. */
export function TicketListView({ active, currentUserId }: { active: ActiveList; currentUserId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const container = useRef<HTMLDivElement>(null);
  const [controls, setControls] = useState<ListControls>({
    filters: EMPTY_FILTERS,
    sort: 'updated_desc',
    layout: 'table',
  });
  const { filters: filterState, sort, layout } = controls;
  const [selected, setSelected] = useState<Set<string>>(new Set());

  // The layout is a personal preference; read after mounting so the server and first client render agree.
  useEffect(() => {
    const saved = window.localStorage.getItem(LAYOUT_KEY);
    if (saved === 'board' || saved === 'table') setControls((prev) => ({ ...prev, layout: saved }));
  }, []);
  function changeControls(next: ListControls) {
    setControls(next);
    if (next.layout !== layout) window.localStorage.setItem(LAYOUT_KEY, next.layout);
  }

  const text = useDebouncedValue(filterState.text, 250);
  const tags = useDebouncedValue(filterState.tags, 250);
  const filters = useMemo(() => toTicketFilters({ ...filterState, text, tags }), [filterState, text, tags]);
  const assignees = useQuery(trpc.ticket.assignees.queryOptions());
  const current = useQuery(trpc.workspace.current.queryOptions());
  const canShareViews = Boolean(current.data && (ADMIN_ROLES as readonly string[]).includes(current.data.role));

  const list = useInfiniteQuery(
    trpc.ticket.list.infiniteQueryOptions(listInput(active, filters, sort), {
      getNextPageParam: (page) => page.nextCursor ?? undefined,
      placeholderData: keepPreviousData,
    }),
  );
  // A selection only makes sense for the list it was made in.
  const filtersKey = JSON.stringify(filters ?? {});
  useEffect(() => setSelected(new Set()), [filtersKey, sort]);
  const rows = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const labels = useMemo(() => new Map(rows.map((r) => [r.id, r.displayNumber])), [rows]);

  function toggle(id: string, checked: boolean) {
    setSelected((prev) => {
      const next = new Set(prev);
      if (checked) next.add(id);
      else next.delete(id);
      return next;
    });
  }
  function toggleAll(checked: boolean) {
    setSelected(checked ? new Set(rows.map((r) => r.id)) : new Set());
  }

  useHotkeys({
    j: () => container.current && moveRowFocus(container.current, 1),
    k: () => container.current && moveRowFocus(container.current, -1),
    x: (event) => {
      const row = container.current && focusedRow(container.current);
      const id = row?.dataset.ticketId;
      if (!id) return;
      event.preventDefault();
      toggle(id, !selected.has(id));
    },
    Enter: (event) => {
      // A focused link opens itself; this covers focus on the row's checkbox.
      if (document.activeElement instanceof HTMLAnchorElement) return;
      const row = container.current && focusedRow(container.current);
      const id = row?.dataset.ticketId;
      if (!id) return;
      event.preventDefault();
      router.push(ticketPath(id));
    },
  });

  const caption =
    active.kind === 'view' ? VIEW_LABELS[active.view] : active.kind === 'all' ? 'All tickets' : 'Tickets in this view';
  const empty = hasFilters(filterState) ? EMPTY_COPY.filtered : EMPTY_COPY[active.kind];

  return (
    <div className="min-w-0 flex-1 space-y-4">
      <TicketFilterBar
        controls={controls}
        onChange={changeControls}
        assignees={assignees.data ?? []}
        currentUserId={currentUserId}
      />
      {/* Only from "All tickets": a built-in view's own conditions (say, "assigned to me") are not filters
          a saved view could carry, so saving from there would quietly drop them. */}
      {filters && active.kind === 'all' ? (
        <div className="flex justify-end">
          <SaveViewButton filters={filters} sort={sort} canShare={canShareViews} />
        </div>
      ) : null}

      <BulkActionBar
        selectedIds={[...selected]}
        labelFor={(id) => labels.get(id) ?? id.slice(0, 8)}
        assignees={assignees.data ?? []}
        currentUserId={currentUserId}
        onClearSelection={() => setSelected(new Set())}
        onFinished={(succeeded) => {
          setSelected((prev) => new Set([...prev].filter((id) => !succeeded.includes(id))));
          void queryClient.invalidateQueries({ queryKey: trpc.ticket.list.queryKey() });
          void queryClient.invalidateQueries({ queryKey: trpc.ticket.viewCounts.queryKey() });
        }}
      />

      <div ref={container} aria-busy={list.isFetching}>
        {list.isPending ? (
          <SkeletonList rows={6} label="Loading tickets" />
        ) : list.isError && !list.data ? (
          <ErrorAlert error={list.error} onRetry={list.refetch} />
        ) : rows.length === 0 ? (
          <EmptyState
            title={empty.title}
            description={empty.description}
            action={
              hasFilters(filterState) ? (
                <Button variant="secondary" onClick={() => changeControls({ ...controls, filters: EMPTY_FILTERS })}>
                  Clear filters
                </Button>
              ) : undefined
            }
          />
        ) : layout === 'board' ? (
          <TicketBoard rows={rows} selected={selected} onToggle={toggle} />
        ) : (
          <TicketTable rows={rows} selected={selected} onToggle={toggle} onToggleAll={toggleAll} caption={caption} />
        )}
      </div>

      {list.isError && list.data ? <ErrorAlert error={list.error} /> : null}
      {list.hasNextPage ? (
        <div className="flex justify-center">
          <Button variant="secondary" onClick={() => list.fetchNextPage()} disabled={list.isFetchingNextPage}>
            {list.isFetchingNextPage ? <Spinner label="Loading more tickets" /> : null}
            Load more
          </Button>
        </div>
      ) : rows.length > 0 ? (
        <p className="text-center text-xs text-slate-500">
          {rows.length} {rows.length === 1 ? 'ticket' : 'tickets'}, all loaded.
        </p>
      ) : null}
    </div>
  );
}

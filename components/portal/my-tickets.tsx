'use client';

import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { RelativeTime } from '@/components/ticket/relative-time';
import { Button } from '@/components/ui/button';
import { Alert, EmptyState, Spinner } from '@/components/ui/card';
import { SkeletonList } from '@/components/ui/skeleton';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs';
import { describeError } from '@/lib/trpc/errors';
import { useTRPC } from '@/lib/trpc/client';
import type { CustomerPaths } from '@/lib/utils/customer-paths';
import { PortalStatusBadge } from './portal-status-badge';
import { PORTAL_TICKET_FILTERS, type PortalTicketFilter } from './portal-ticket-filters';

const PAGE_SIZE = 20;

const FILTER_LABELS: Record<PortalTicketFilter, string> = { open: 'Open', solved: 'Solved', all: 'All' };

function NoRequestsYet({ paths }: { paths: CustomerPaths }) {
  return (
    <EmptyState
      title="You have no requests yet"
      description="When you send us a request, you can follow its progress and reply here."
      action={
        <Button asChild>
          <Link href={paths.submitRequest}>Submit a request</Link>
        </Button>
      }
    />
  );
}

/**
 * Nothing under this tab. Whether the customer has no requests at all decides the message, so a
 * brand-new customer sees the same welcome whichever tab is open.
 */
function EmptyFilter({ filter, paths }: { filter: Exclude<PortalTicketFilter, 'all'>; paths: CustomerPaths }) {
  const trpc = useTRPC();
  const any = useQuery(trpc.portal.tickets.queryOptions({ status: 'all', limit: 1 }));
  if (any.isPending) return <SkeletonList rows={1} label="Loading your requests" />;
  if (any.data && !any.data.items.length) return <NoRequestsYet paths={paths} />;
  return filter === 'open' ? (
    <EmptyState
      title="No open requests"
      description="Everything you asked us about has been answered. Need something else?"
      action={
        <Button asChild variant="secondary">
          <Link href={paths.submitRequest}>Submit a request</Link>
        </Button>
      }
    />
  ) : (
    <EmptyState title="No solved requests yet" description="Requests we've solved for you will be listed here." />
  );
}

function TicketList({ filter, paths }: { filter: PortalTicketFilter; paths: CustomerPaths }) {
  const trpc = useTRPC();
  const list = useInfiniteQuery(
    trpc.portal.tickets.infiniteQueryOptions(
      { status: filter, limit: PAGE_SIZE },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );

  if (list.isPending) return <SkeletonList rows={3} label="Loading your requests" />;
  // A failed "Load more" keeps the pages already shown; only a failed first page replaces the list.
  const failure = list.error ? describeError(list.error).message : null;
  if (list.isError && !list.isFetchNextPageError) {
    return (
      <div className="space-y-3">
        <Alert>{failure}</Alert>
        <Button type="button" variant="secondary" onClick={() => void list.refetch()}>
          Try again
        </Button>
      </div>
    );
  }

  const tickets = list.data.pages.flatMap((page) => page.items);
  if (!tickets.length)
    return filter === 'all' ? <NoRequestsYet paths={paths} /> : <EmptyFilter filter={filter} paths={paths} />;

  return (
    <div className="space-y-4">
      <ul
        aria-label={`${FILTER_LABELS[filter]} requests`}
        className="divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 bg-white"
      >
        {tickets.map((ticket) => (
          <li key={ticket.id}>
            <Link
              href={`${paths.tickets}/${ticket.id}`}
              className="flex flex-col gap-2 px-4 py-3 hover:bg-slate-50 focus-visible:bg-slate-50 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-brand sm:flex-row sm:items-center sm:gap-4"
            >
              <span className="min-w-0 flex-1">
                <span className="block truncate font-medium text-slate-900">{ticket.subject}</span>
                <span className="mt-0.5 block text-xs text-slate-500">
                  <span className="font-mono">{ticket.displayNumber}</span>
                  <span aria-hidden="true"> · </span>
                  Updated <RelativeTime date={ticket.updatedAt} />
                </span>
              </span>
              {/* w-fit: in the phone layout's column the badge keeps its width instead of stretching. */}
              <PortalStatusBadge status={ticket.status} className="w-fit shrink-0" />
            </Link>
          </li>
        ))}
      </ul>
      {list.hasNextPage ? (
        <div className="flex justify-center">
          <Button
            type="button"
            variant="secondary"
            onClick={() => void list.fetchNextPage()}
            disabled={list.isFetchingNextPage}
          >
            {list.isFetchingNextPage ? <Spinner label="Loading more requests" /> : null}
            Load more
          </Button>
        </div>
      ) : null}
      {list.isFetchNextPageError ? <Alert>{failure}</Alert> : null}
    </div>
  );
}

/** The customer's requests under Open / Solved / All tabs; the tab is kept in the URL for back/forward. */
export function MyTickets({ paths, initialFilter }: { paths: CustomerPaths; initialFilter: PortalTicketFilter }) {
  const [filter, setFilter] = useState<PortalTicketFilter>(initialFilter);

  function select(value: string) {
    const next = PORTAL_TICKET_FILTERS.find((candidate) => candidate === value);
    if (!next) return;
    setFilter(next);
    // replaceState (not router.replace): the server needs nothing new, only the address should remember the tab.
    const url = new URL(window.location.href);
    url.searchParams.set('status', next);
    window.history.replaceState(null, '', url);
  }

  return (
    <Tabs value={filter} onValueChange={select}>
      <TabsList aria-label="Filter requests">
        {PORTAL_TICKET_FILTERS.map((value) => (
          <TabsTrigger key={value} value={value}>
            {FILTER_LABELS[value]}
          </TabsTrigger>
        ))}
      </TabsList>
      {PORTAL_TICKET_FILTERS.map((value) => (
        <TabsContent key={value} value={value}>
          {value === filter ? <TicketList filter={value} paths={paths} /> : null}
        </TabsContent>
      ))}
    </Tabs>
  );
}

import 'server-only';
import type { ActiveList } from '@/components/ticket/active-list';
import { listInput } from '@/components/ticket/list-filters';
import { getQueryClient, trpc } from '@/server/trpc/rsc';

/**
 * Loads what a list page shows before the HTML is sent: awaited, so the server render and the client's
 * first render see the same data (a pending query would render a skeleton on one and rows on the other).
 * The list input is built by the same helper the client uses, so the cache key matches.
 */
export async function prefetchTicketList(active: ActiveList) {
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchInfiniteQuery(
      trpc.ticket.list.infiniteQueryOptions(listInput(active), {
        getNextPageParam: (page) => page.nextCursor ?? undefined,
      }),
    ),
    queryClient.prefetchQuery(trpc.ticket.viewCounts.queryOptions()),
    queryClient.prefetchQuery(trpc.savedView.list.queryOptions()),
    queryClient.prefetchQuery(trpc.ticket.assignees.queryOptions()),
  ]);
}

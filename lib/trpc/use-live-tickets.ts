'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useTRPC } from './client';

/**
 * Keeps ticket lists, counts and open tickets fresh: each live event invalidates the ticket queries,
 * which refetch only if they are on screen.
 */
export function useLiveTickets(onEvent?: (event: { type: string; ticketId: string }) => void) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useSubscription(
    trpc.live.events.subscriptionOptions(undefined, {
      onData: (tracked) => {
        const event = tracked.data;
        void queryClient.invalidateQueries({ queryKey: trpc.ticket.list.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.ticket.viewCounts.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.ticket.get.queryKey({ ticketId: event.ticketId }) });
        onEvent?.(event);
      },
    }),
  );
}

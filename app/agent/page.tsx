import type { Metadata } from 'next';
import type { ActiveList } from '@/components/ticket/active-list';
import { TicketListScreen } from '@/components/ticket/ticket-list-screen';
import { getQueryClient, HydrateClient, trpc } from '@/server/trpc/rsc';
import { currentUserId } from './_lib/current-user-id';
import { prefetchTicketList } from './_lib/prefetch-ticket-list';

export const metadata: Metadata = { title: 'Inbox' };

export default async function InboxPage() {
  const userId = await currentUserId();
  // The agent's own open tickets first; someone with none lands on everything still open.
  const counts = await getQueryClient()
    .fetchQuery(trpc.ticket.viewCounts.queryOptions())
    .catch(() => null);
  const active: ActiveList = { kind: 'view', view: counts && counts.my_open === 0 ? 'all_open' : 'my_open' };
  await prefetchTicketList(active);
  return (
    <HydrateClient>
      <TicketListScreen active={active} currentUserId={userId} title="Inbox" />
    </HydrateClient>
  );
}

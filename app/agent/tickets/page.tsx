import type { Metadata } from 'next';
import type { ActiveList } from '@/components/ticket/active-list';
import { TicketListScreen } from '@/components/ticket/ticket-list-screen';
import { HydrateClient } from '@/server/trpc/rsc';
import { currentUserId } from '../_lib/current-user-id';
import { prefetchTicketList } from '../_lib/prefetch-ticket-list';

export const metadata: Metadata = { title: 'All tickets' };

const ALL: ActiveList = { kind: 'all' };

export default async function AllTicketsPage() {
  const userId = await currentUserId();
  await prefetchTicketList(ALL);
  return (
    <HydrateClient>
      <TicketListScreen active={ALL} currentUserId={userId} />
    </HydrateClient>
  );
}

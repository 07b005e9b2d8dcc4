import type { Metadata } from 'next';
import { PageHeader } from '@/components/layout/page-header';
import { NewTicketForm } from '@/components/ticket/new-ticket-form';
import { getQueryClient, HydrateClient, trpc } from '@/server/trpc/rsc';
import { currentUserId } from '../../_lib/current-user-id';

export const metadata: Metadata = { title: 'New ticket' };

export default async function NewTicketPage() {
  const userId = await currentUserId();
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.ticket.assignees.queryOptions()),
    queryClient.prefetchQuery(trpc.category.list.queryOptions()),
  ]);
  return (
    <HydrateClient>
      <div className="max-w-3xl">
        <PageHeader
          title="New ticket"
          description="File a request on a customer's behalf, for a phone call or a conversation that happened elsewhere. The customer is found by email, or added."
        />
        <NewTicketForm currentUserId={userId} />
      </div>
    </HydrateClient>
  );
}

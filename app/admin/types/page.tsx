import type { Metadata } from 'next';
import { AdminPage, AdminSection } from '@/components/layout/admin-page';
import { HydrateClient, getQueryClient, trpc } from '@/server/trpc/rsc';
import { NewTicketType } from './_components/new-ticket-type';
import { TicketTypeList } from './_components/ticket-type-list';

export const metadata: Metadata = { title: 'Ticket types' };

export default async function TicketTypesPage() {
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.ticketType.list.queryOptions()),
    queryClient.prefetchQuery(trpc.ticketType.usage.queryOptions()),
  ]);
  return (
    <HydrateClient>
      <AdminPage
        title="Ticket types"
        description="What kind of work a ticket is (a question, an incident…): agents set it, rules and filters match on it. Deleting one in use asks where its tickets go."
      >
        <AdminSection id="new-ticket-type" title="New ticket type">
          <NewTicketType />
        </AdminSection>
        <AdminSection id="ticket-types" title="Ticket types">
          <TicketTypeList />
        </AdminSection>
      </AdminPage>
    </HydrateClient>
  );
}

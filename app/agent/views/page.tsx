import type { Metadata } from 'next';
import { PageHeader } from '@/components/layout/page-header';
import { ViewDirectory } from '@/components/ticket/view-directory';
import { getQueryClient, HydrateClient, trpc } from '@/server/trpc/rsc';

export const metadata: Metadata = { title: 'Views' };

export default async function ViewsPage() {
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.ticket.viewCounts.queryOptions()),
    queryClient.prefetchQuery(trpc.savedView.list.queryOptions()),
  ]);
  return (
    <HydrateClient>
      <PageHeader
        title="Views"
        description="Lists of tickets to work from: built in, or saved from your own filters."
      />
      <ViewDirectory />
    </HydrateClient>
  );
}

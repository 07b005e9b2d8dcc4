import type { Metadata } from 'next';
import { PageHeader } from '@/components/layout/page-header';
import { HydrateClient, getQueryClient, trpc } from '@/server/trpc/rsc';
import { MacroList } from './_components/macro-list';

export const metadata: Metadata = { title: 'Macros' };

export default async function MacrosPage() {
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.macro.list.queryOptions()),
    queryClient.prefetchQuery(trpc.team.list.queryOptions()),
  ]);
  return (
    <HydrateClient>
      <div className="max-w-5xl space-y-6">
        <PageHeader
          title="Macros"
          description="Prepared replies and notes with placeholders, and the ticket changes that go with them. Agents apply them from the reply box (press m)."
        />
        <MacroList />
      </div>
    </HydrateClient>
  );
}

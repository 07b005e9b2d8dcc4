import type { Metadata } from 'next';
import { PageHeader } from '@/components/layout/page-header';
import { HydrateClient, getQueryClient, trpc } from '@/server/trpc/rsc';
import { CreateTeamForm } from './_components/create-team-form';
import { TeamList } from './_components/team-list';

export const metadata: Metadata = { title: 'Teams' };

export default async function TeamsPage() {
  // Awaited, so the lists are in the HTML: a still-pending query would render a skeleton on the server
  // and the data on the client, and the two would not match when hydrating.
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.team.list.queryOptions()),
    queryClient.prefetchQuery(trpc.member.list.queryOptions()),
  ]);
  return (
    <HydrateClient>
      <div className="max-w-4xl space-y-8">
        <PageHeader
          title="Teams"
          description="Group agents by what they handle, such as Billing or Tier 2, to route and assign tickets."
        />
        <section aria-labelledby="new-team-heading" className="space-y-3">
          <h2 id="new-team-heading" className="text-lg font-semibold">
            New team
          </h2>
          <CreateTeamForm />
        </section>
        <section aria-labelledby="teams-heading" className="space-y-3">
          <h2 id="teams-heading" className="text-lg font-semibold">
            Teams
          </h2>
          <TeamList />
        </section>
      </div>
    </HydrateClient>
  );
}

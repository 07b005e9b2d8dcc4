import type { Metadata } from 'next';
import { AdminPage, AdminSection } from '@/components/layout/admin-page';
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
      <AdminPage
        title="Teams"
        description="Group agents by what they handle, such as Billing or Tier 2, to route and assign tickets."
      >
        <AdminSection id="new-team" title="New team">
          <CreateTeamForm />
        </AdminSection>
        <AdminSection id="teams" title="Teams">
          <TeamList />
        </AdminSection>
      </AdminPage>
    </HydrateClient>
  );
}

import type { Metadata } from 'next';
import { PageHeader } from '@/components/layout/page-header';
import { HydrateClient, getQueryClient, trpc } from '@/server/trpc/rsc';
import { loadStaff } from '../../_staff/load-staff';
import { InvitationList } from './_components/invitation-list';
import { InviteForm } from './_components/invite-form';
import { MemberList } from './_components/member-list';

export const metadata: Metadata = { title: 'Members' };

export default async function MembersPage() {
  // The admin layout has already required an admin of the current workspace.
  const staff = await loadStaff();
  const actor = { userId: staff?.user.id ?? '', role: staff?.current?.role ?? 'viewer' };
  // Awaited, so the lists are in the HTML: a still-pending query would render a skeleton on the server
  // and the data on the client, and the two would not match when hydrating.
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.member.list.queryOptions()),
    queryClient.prefetchQuery(trpc.invitation.list.queryOptions()),
  ]);
  return (
    <HydrateClient>
      <div className="max-w-4xl space-y-8">
        <PageHeader
          title="Members"
          description="People who work in this workspace, and invitations waiting for an answer."
        />
        <section aria-labelledby="invite-heading" className="space-y-3">
          <h2 id="invite-heading" className="text-lg font-semibold">
            Invite someone
          </h2>
          <InviteForm />
        </section>
        <section aria-labelledby="members-heading" className="space-y-3">
          <h2 id="members-heading" className="text-lg font-semibold">
            Members
          </h2>
          <MemberList actor={actor} />
        </section>
        <section aria-labelledby="invitations-heading" className="space-y-3">
          <h2 id="invitations-heading" className="text-lg font-semibold">
            Invitations
          </h2>
          <InvitationList />
        </section>
      </div>
    </HydrateClient>
  );
}

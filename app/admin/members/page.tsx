import type { Metadata } from 'next';
import { AdminPage, AdminSection } from '@/components/layout/admin-page';
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
      <AdminPage
        title="Members"
        description="People who work in this workspace, and invitations waiting for an answer."
      >
        <AdminSection id="invite" title="Invite someone">
          <InviteForm />
        </AdminSection>
        <AdminSection id="members" title="Members">
          <MemberList actor={actor} />
        </AdminSection>
        <AdminSection id="invitations" title="Invitations">
          <InvitationList />
        </AdminSection>
      </AdminPage>
    </HydrateClient>
  );
}

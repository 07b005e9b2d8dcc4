import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { PortalTicketView } from '@/components/portal/portal-ticket-view';
import { linksFor, requireWorkspace } from '../../../_lib/workspace';
import { PortalGate } from '../../_components/portal-gate';

export const metadata: Metadata = { title: 'Your request' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Props = {
  params: Promise<{ workspace: string; ticketId: string }>;
  searchParams: Promise<{ access?: string | string[]; error?: string | string[] }>;
};

export default async function PortalTicketPage({ params, searchParams }: Props) {
  const { workspace: slug, ticketId } = await params;
  const workspace = await requireWorkspace(slug);
  if (!UUID.test(ticketId)) notFound();
  const paths = await linksFor(workspace.slug);
  const { access, error } = await searchParams;

  // `?access=` is a ticket link's token: a page can't set cookies, so the access route checks the token,
  // sets the one-ticket session and sends the visitor back here without the token in the address.
  if (typeof access === 'string' && access.length > 0 && access.length <= 2000) {
    redirect(`${paths.portal}/access?token=${encodeURIComponent(access)}`);
  }

  return (
    <PortalGate
      workspace={workspace}
      error={error}
      next={`/${workspace.slug}/portal/tickets/${ticketId}`}
      // A one-ticket link session reaches its own ticket only; for any other ticket, ask for a real sign-in.
      requireAccount={{
        reason: 'The link you opened is for a different request. Sign in with your email to see this one.',
        exceptTicketId: ticketId,
      }}
    >
      {(session) => (
        <PortalTicketView
          ticketId={ticketId}
          portalSlug={workspace.slug}
          paths={paths}
          ticketScoped={Boolean(session.onlyTicketId)}
        />
      )}
    </PortalGate>
  );
}

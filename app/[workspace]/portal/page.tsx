import type { Metadata } from 'next';
import { PortalHome } from '@/components/portal/portal-home';
import { parsePortalTicketFilter } from '@/components/portal/portal-ticket-filters';
import { linksFor, requireWorkspace } from '../_lib/workspace';
import { PortalGate } from './_components/portal-gate';

export const metadata: Metadata = { title: 'My tickets' };

type Props = {
  params: Promise<{ workspace: string }>;
  searchParams: Promise<{ error?: string | string[]; next?: string | string[]; status?: string | string[] }>;
};

export default async function PortalHomePage({ params, searchParams }: Props) {
  const workspace = await requireWorkspace((await params).workspace);
  const paths = await linksFor(workspace.slug);
  const { error, next, status } = await searchParams;

  return (
    <PortalGate workspace={workspace} error={error} next={typeof next === 'string' ? next : undefined}>
      {(session) => (
        <PortalHome
          paths={paths}
          initialFilter={parsePortalTicketFilter(status)}
          ticketScoped={Boolean(session.onlyTicketId)}
        />
      )}
    </PortalGate>
  );
}

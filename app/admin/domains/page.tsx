import type { Metadata } from 'next';
import { AdminPage, AdminSection } from '@/components/layout/admin-page';
import { env } from '@/lib/env';
import { HydrateClient, getQueryClient, trpc } from '@/server/trpc/rsc';
import { loadStaff } from '../../_staff/load-staff';
import { AddDomainForm } from './_components/add-domain-form';
import { DomainInstructions } from './_components/domain-instructions';
import { DomainList } from './_components/domain-list';

export const metadata: Metadata = { title: 'Domains' };

export default async function DomainsPage() {
  const appHost = new URL(env.APP_URL).host;
  const slug = (await loadStaff())?.current?.slug ?? 'your-workspace';
  // Awaited, so the list is in the HTML: a still-pending query would render a skeleton on the server
  // and the data on the client, and the two would not match when hydrating.
  const queryClient = getQueryClient();
  await queryClient.prefetchQuery(trpc.domain.list.queryOptions());
  return (
    <HydrateClient>
      <AdminPage
        title="Domains"
        description={
          <>
            Serve your help center and portal from your own host name instead of{' '}
            <span className="font-mono">
              {appHost}/{slug}/help
            </span>
            .
          </>
        }
      >
        <DomainInstructions appHost={appHost.replace(/:\d+$/, '')} />
        <AdminSection id="add-domain" title="Connect a domain">
          <AddDomainForm />
        </AdminSection>
        <AdminSection id="domains" title="Connected domains">
          <DomainList />
        </AdminSection>
      </AdminPage>
    </HydrateClient>
  );
}

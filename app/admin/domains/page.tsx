import type { Metadata } from 'next';
import { PageHeader } from '@/components/layout/page-header';
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
      <div className="max-w-4xl space-y-8">
        <PageHeader
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
        />
        <DomainInstructions appHost={appHost.replace(/:\d+$/, '')} />
        <section aria-labelledby="add-domain-heading" className="space-y-3">
          <h2 id="add-domain-heading" className="text-lg font-semibold">
            Connect a domain
          </h2>
          <AddDomainForm />
        </section>
        <section aria-labelledby="domains-heading" className="space-y-3">
          <h2 id="domains-heading" className="text-lg font-semibold">
            Connected domains
          </h2>
          <DomainList />
        </section>
      </div>
    </HydrateClient>
  );
}

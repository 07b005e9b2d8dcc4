import type { Metadata } from 'next';
import { PageHeader } from '@/components/layout/page-header';
import { HydrateClient, getQueryClient, trpc } from '@/server/trpc/rsc';
import { PolicyEditor } from '../../_components/policy-editor';

export const metadata: Metadata = { title: 'Edit SLA policy' };

export default async function EditPolicyPage({ params }: { params: Promise<{ policyId: string }> }) {
  const { policyId } = await params;
  await getQueryClient().prefetchQuery(trpc.slaPolicy.list.queryOptions());
  return (
    <HydrateClient>
      <div className="max-w-4xl">
        <PageHeader
          title="Edit SLA policy"
          description="Saving recomputes the clocks of open tickets in the background."
        />
        <PolicyEditor policyId={policyId} />
      </div>
    </HydrateClient>
  );
}

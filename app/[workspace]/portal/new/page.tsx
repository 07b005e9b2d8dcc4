import type { Metadata } from 'next';
import { NewRequestForm } from '@/components/portal/new-request-form';
import { linksFor, requireWorkspace } from '../../_lib/workspace';
import { PortalGate } from '../_components/portal-gate';

export const metadata: Metadata = { title: 'Submit a request' };

export default async function SubmitRequestPage({ params }: { params: Promise<{ workspace: string }> }) {
  const workspace = await requireWorkspace((await params).workspace);
  const paths = await linksFor(workspace.slug);

  return (
    <PortalGate
      workspace={workspace}
      next={`/${workspace.slug}/portal/new`}
      // A one-ticket email link can't file new requests (the server refuses), so ask for a real sign-in.
      requireAccount={{
        reason: 'The link you opened shows one request only. To send a new request, sign in with your email.',
      }}
    >
      <div className="mx-auto max-w-2xl space-y-6">
        <div className="space-y-1">
          <h1 className="text-2xl font-bold tracking-tight">Submit a request</h1>
          <p className="text-sm text-slate-600">Tell us what you need and we'll get back to you by email.</p>
        </div>
        <NewRequestForm portalSlug={workspace.slug} paths={paths} />
      </div>
    </PortalGate>
  );
}

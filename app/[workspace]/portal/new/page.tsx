import type { Metadata } from 'next';
import { GuestRequestForm } from '@/components/portal/guest-request-form';
import { NewRequestForm } from '@/components/portal/new-request-form';
import { pageCaller } from '@/server/trpc/rsc';
import { linksFor, requireWorkspace } from '../../_lib/workspace';

export const metadata: Metadata = { title: 'Submit a request' };

/**
 * A customer signed in with their email files as themselves (and sees all their tickets); anyone else,
 * including a visitor holding only one ticket's email link, files as a guest: name and address typed in,
 * the confirmation mail carrying the way back to the request.
 */
export default async function SubmitRequestPage({ params }: { params: Promise<{ workspace: string }> }) {
  const workspace = await requireWorkspace((await params).workspace);
  const paths = await linksFor(workspace.slug);
  const caller = await pageCaller(workspace.slug);
  const signedIn = caller.kind === 'customer' && !caller.onlyTicketId;

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold tracking-tight">Submit a request</h1>
        <p className="text-sm text-slate-600">Tell us what you need and we'll get back to you by email.</p>
      </div>
      {signedIn ? (
        <NewRequestForm portalSlug={workspace.slug} paths={paths} />
      ) : (
        <GuestRequestForm portalSlug={workspace.slug} paths={paths} />
      )}
    </div>
  );
}

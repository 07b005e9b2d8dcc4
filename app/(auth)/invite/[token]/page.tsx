import { TRPCError } from '@trpc/server';
import type { Metadata } from 'next';
import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { auth } from '@/server/auth/config';
import { serverCaller } from '@/server/trpc/rsc';
import { signOutAndSignInAgain } from '../../_actions';
import { AcceptAsMemberButton } from './_components/accept-as-member-button';
import { AcceptInvitationForm } from './_components/accept-invitation-form';

export const metadata: Metadata = { title: 'Join a workspace', referrer: 'no-referrer' };

const ROLE_LABELS = { owner: 'an owner', admin: 'an admin', agent: 'an agent', viewer: 'a viewer' } as const;

async function loadInvitation(token: string) {
  try {
    return { invitation: await (await serverCaller()).auth.invitation({ token }) };
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    // A malformed token fails input validation, whose message is meant for developers, not people.
    const message =
      error.code === 'BAD_REQUEST'
        ? 'This invitation link is not valid. Ask your admin to send a new one.'
        : error.message;
    return { error: message };
  }
}

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [loaded, session] = await Promise.all([loadInvitation(token), auth()]);

  if (!loaded.invitation) {
    return (
      <Card className="space-y-4 text-center">
        <h1 className="text-xl font-semibold tracking-tight">This invitation can&apos;t be used</h1>
        <p role="alert" className="text-sm text-slate-700">
          {loaded.error}
        </p>
        <Button asChild variant="secondary">
          <Link href="/signin">Go to sign in</Link>
        </Button>
      </Card>
    );
  }

  const { invitation } = loaded;
  const signedInEmail = session?.user?.email?.toLowerCase() ?? null;
  const isInvitee = signedInEmail === invitation.email.toLowerCase();
  const invitePath = `/invite/${encodeURIComponent(token)}`;

  return (
    <Card className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Join {invitation.workspaceName}</h1>
        <p className="mt-1 text-sm text-slate-600">
          You were invited as {ROLE_LABELS[invitation.role]} with{' '}
          <span className="font-medium text-slate-900">{invitation.email}</span>.
        </p>
      </div>

      {!invitation.hasAccount ? (
        <AcceptInvitationForm token={token} email={invitation.email} />
      ) : isInvitee ? (
        <AcceptAsMemberButton token={token} />
      ) : (
        <div className="space-y-3">
          <p className="text-sm text-slate-700">
            You already have a Cairn account. Sign in as {invitation.email} to accept.
          </p>
          {signedInEmail ? (
            <form action={signOutAndSignInAgain.bind(null, invitePath)} className="space-y-2">
              <p className="text-sm text-slate-600">You are signed in as {signedInEmail}.</p>
              <Button type="submit" className="w-full">
                Sign out and sign in as {invitation.email}
              </Button>
            </form>
          ) : (
            <Button asChild className="w-full">
              <Link href={`/signin?callbackUrl=${encodeURIComponent(invitePath)}`}>
                Sign in as {invitation.email} to accept
              </Link>
            </Button>
          )}
        </div>
      )}
    </Card>
  );
}

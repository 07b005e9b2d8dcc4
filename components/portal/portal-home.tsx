'use client';

import { useQuery } from '@tanstack/react-query';
import { Alert, Spinner } from '@/components/ui/card';
import { describeError, errorCode } from '@/lib/trpc/errors';
import { useTRPC } from '@/lib/trpc/client';
import type { CustomerPaths } from '@/lib/utils/customer-paths';
import { MyTickets } from './my-tickets';
import type { PortalTicketFilter } from './portal-ticket-filters';
import { SignOutButton } from './sign-out-button';

type Props = {
  paths: CustomerPaths;
  initialFilter: PortalTicketFilter;
  /** The session came from one ticket's email link: the list shows that ticket only. */
  ticketScoped: boolean;
};

/** The signed-in customer's portal home: who they are and their requests. */
export function PortalHome({ paths, initialFilter, ticketScoped }: Props) {
  const trpc = useTRPC();
  const me = useQuery(trpc.portal.me.queryOptions());

  if (me.isPending) {
    return (
      <div className="flex justify-center py-12">
        <Spinner label="Loading your account" />
      </div>
    );
  }

  if (me.isError) {
    // The cookie was valid but the customer is gone (or the session expired meanwhile): offer a clean restart.
    const ended = errorCode(me.error) === 'UNAUTHORIZED';
    return (
      <div className="mx-auto max-w-md space-y-4">
        <Alert>{ended ? 'Your session has ended. Sign out and sign in again.' : describeError(me.error).message}</Alert>
        <SignOutButton action={paths.signOut} />
      </div>
    );
  }

  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-600">
          Signed in as <strong className="text-slate-900">{me.data.email}</strong>
        </p>
        <SignOutButton action={paths.signOut} />
      </div>
      {ticketScoped ? (
        <Alert tone="info">
          You opened a single request from an email link. To see all your requests, sign out and sign in with your
          email.
        </Alert>
      ) : null}

      <section aria-labelledby="my-tickets-heading" className="space-y-4">
        <h1 id="my-tickets-heading" className="text-2xl font-bold tracking-tight">
          My tickets
        </h1>
        <MyTickets paths={paths} initialFilter={initialFilter} />
      </section>
    </div>
  );
}

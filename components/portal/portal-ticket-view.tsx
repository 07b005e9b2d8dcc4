'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { RelativeTime, formatDateTime } from '@/components/ticket/relative-time';
import { Button } from '@/components/ui/button';
import { Alert, Card } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { describeError, errorCode } from '@/lib/trpc/errors';
import { useTRPC } from '@/lib/trpc/client';
import type { CustomerPaths } from '@/lib/utils/customer-paths';
import { PortalSurvey } from '@/components/csat/portal-survey';
import { CloseRequestButton } from './close-request-button';
import { PortalReplyForm } from './portal-reply-form';
import { PortalStatusBadge } from './portal-status-badge';
import { PortalThread } from './portal-thread';

/** New agent replies show up without a reload; polling stops while the tab is hidden (React Query's default). */
const POLL_MS = 15_000;

type Props = {
  ticketId: string;
  portalSlug: string;
  paths: CustomerPaths;
  /** The visitor came through this ticket's email link rather than signing in. */
  ticketScoped: boolean;
};

function TicketSkeleton() {
  return (
    <div className="space-y-6" aria-busy="true">
      <span className="sr-only" role="status">
        Loading your request
      </span>
      <div className="space-y-2">
        <Skeleton className="h-4 w-40" />
        <Skeleton className="h-8 w-3/4" />
      </div>
      {[0, 1].map((row) => (
        <Skeleton key={row} className="h-28 w-full" />
      ))}
      <Skeleton className="h-32 w-full" />
    </div>
  );
}

function errorMessage(error: unknown, ticketScoped: boolean) {
  const code = errorCode(error);
  if (code === 'NOT_FOUND') {
    return ticketScoped
      ? "This request isn't part of the email link you opened. Sign in with your email to see all your requests."
      : "We couldn't find this request. It may belong to a different email address; check that you're signed in with the right one.";
  }
  if (code === 'UNAUTHORIZED') return 'Your session has ended. Reload the page to sign in again.';
  return describeError(error).message;
}

/** One request as the customer sees it: public conversation, reply box, and closing it. */
export function PortalTicketView({ ticketId, portalSlug, paths, ticketScoped }: Props) {
  const trpc = useTRPC();
  const query = useQuery(
    trpc.portal.ticket.queryOptions({ ticketId }, { refetchInterval: POLL_MS, refetchIntervalInBackground: false }),
  );

  const back = (
    <Link href={paths.portal} className="text-sm font-medium text-brand hover:underline focus-visible:underline">
      ← My tickets
    </Link>
  );

  if (query.isPending) return <TicketSkeleton />;
  if (query.isError) {
    return (
      <div className="space-y-4">
        {back}
        <Alert>{errorMessage(query.error, ticketScoped)}</Alert>
        <Button type="button" variant="secondary" onClick={() => void query.refetch()}>
          Try again
        </Button>
      </div>
    );
  }

  const { ticket, messages } = query.data;
  const finished = ticket.status === 'closed' || ticket.status === 'merged';

  return (
    <div className="space-y-6">
      {back}
      {ticketScoped ? <Alert tone="info">You're viewing this request through a link from your email.</Alert> : null}

      <header className="space-y-3">
        <div className="flex flex-wrap items-center gap-2 text-sm text-slate-500">
          <span className="font-mono">{ticket.displayNumber}</span>
          <PortalStatusBadge status={ticket.status} />
        </div>
        <h1 className="break-words text-2xl font-bold tracking-tight">{ticket.subject}</h1>
        <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-600">
          <div className="flex gap-1">
            <dt>Opened</dt>
            <dd>
              <time dateTime={ticket.createdAt.toISOString()}>{formatDateTime(ticket.createdAt)}</time>
            </dd>
          </div>
          <div className="flex gap-1">
            <dt>Last update</dt>
            <dd>
              <RelativeTime date={ticket.updatedAt} />
            </dd>
          </div>
          {ticket.category ? (
            <div className="flex gap-1">
              <dt>Category</dt>
              <dd>{ticket.category}</dd>
            </div>
          ) : null}
        </dl>
      </header>

      {/* The query is refetched every 15 s; a failed refresh keeps the thread and says so once. */}
      {query.isRefetchError ? (
        <Alert tone="info">We couldn't check for new replies just now. We'll keep trying.</Alert>
      ) : null}

      <section aria-labelledby="conversation-heading" className="space-y-3">
        <h2 id="conversation-heading" className="sr-only">
          Conversation
        </h2>
        <PortalThread messages={messages} portalSlug={portalSlug} />
      </section>

      {ticket.status === 'solved' || ticket.status === 'closed' ? <PortalSurvey ticketId={ticket.id} /> : null}

      {finished ? (
        <Alert tone="info">
          {ticket.status === 'merged'
            ? 'This request was merged into another one, where the conversation continues. You can find it under My tickets.'
            : 'This request is closed, so it can no longer be replied to. '}
          {ticket.status === 'closed' ? (
            <Link href={paths.submitRequest} className="font-medium underline">
              Submit a new request
            </Link>
          ) : null}
        </Alert>
      ) : (
        <Card className="space-y-4 p-4 sm:p-6">
          {ticket.status === 'solved' ? (
            <p className="text-sm text-slate-700">
              We marked this request as solved. If something is still not right, reply below and we'll pick it up again.
            </p>
          ) : null}
          <PortalReplyForm ticket={ticket} portalSlug={portalSlug} />
          <div className="flex flex-col gap-2 border-t border-slate-200 pt-4 sm:flex-row sm:items-center sm:justify-between">
            <p className="text-xs text-slate-500">Got what you needed? You can close the request.</p>
            <CloseRequestButton ticketId={ticket.id} />
          </div>
        </Card>
      )}
    </div>
  );
}

'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, EmptyState } from '@/components/ui/card';
import { ConfirmMutationDialog } from '@/components/ui/confirm-dialog';
import { ErrorAlert } from '@/components/ui/error-alert';
import { SkeletonList } from '@/components/ui/skeleton';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs';
import type { InboundReviewView, InboundStatus } from '@/lib/constants/inbound';
import { describeError } from '@/lib/trpc/errors';
import { useTRPC } from '@/lib/trpc/client';

const STATUS_LABEL: Record<InboundStatus, { label: string; tone: BadgeTone }> = {
  pending: { label: 'Waiting', tone: 'info' },
  processed: { label: 'Processed', tone: 'success' },
  ignored: { label: 'Ignored', tone: 'neutral' },
  bounce: { label: 'Bounce', tone: 'warning' },
  quarantined: { label: 'Quarantined', tone: 'danger' },
  failed: { label: 'Unprocessed', tone: 'danger' },
};

const OUTCOME_TEXT: Record<string, string> = { new_ticket: 'Opened a ticket.', appended: 'Added to the ticket.' };

const VIEWS: Array<{ view: InboundReviewView; label: string; empty: string }> = [
  { view: 'recent', label: 'Last 50', empty: 'No mail has come in yet.' },
  { view: 'unprocessed', label: 'Unprocessed', empty: 'Every message was processed: nothing to retry.' },
  { view: 'quarantined', label: 'Quarantine', empty: 'No message is held: nothing failed DMARC.' },
];

/**
 * The mail that came in and what became of it, and the messages an admin decides on: unprocessed mail is
 * retried or discarded, quarantined mail (its From failed DMARC) released or deleted. Lists refresh after
 * each decision, so a released message shows its new outcome.
 */
export function InboundMessagesCard() {
  const [view, setView] = useState<InboundReviewView>('recent');
  return (
    <Card className="space-y-2">
      <h2 className="text-base font-semibold">Received mail</h2>
      <Tabs value={view} onValueChange={(value) => setView(value as InboundReviewView)}>
        <TabsList aria-label="Received mail">
          {VIEWS.map((v) => (
            <TabsTrigger key={v.view} value={v.view}>
              {v.label}
            </TabsTrigger>
          ))}
        </TabsList>
        {VIEWS.map((v) => (
          <TabsContent key={v.view} value={v.view}>
            {view === v.view ? <MessageList view={v.view} empty={v.empty} /> : null}
          </TabsContent>
        ))}
      </Tabs>
    </Card>
  );
}

function MessageList({ view, empty }: { view: InboundReviewView; empty: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.inboundChannel.messages.queryOptions({ view }));
  const review = useMutation(
    trpc.inboundChannel.review.mutationOptions({
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.inboundChannel.messages.pathKey() }),
    }),
  );

  if (list.isPending) return <SkeletonList rows={3} label="Loading received mail" />;
  if (list.isError) return <ErrorAlert error={list.error} onRetry={() => list.refetch()} />;
  if (!list.data.length) return <EmptyState title="Nothing here" description={empty} />;

  return (
    <ul className="divide-y divide-slate-100" aria-label="Messages">
      {list.data.map((m) => {
        const status = STATUS_LABEL[m.status];
        const acting = review.isPending && review.variables?.id === m.id;
        return (
          <li key={m.id} className="flex flex-wrap items-start gap-x-4 gap-y-2 py-3 text-sm">
            <div className="min-w-0 flex-1 basis-64">
              <p className="truncate font-medium text-slate-900">{m.subject || '(no subject)'}</p>
              <p className="truncate text-slate-600">
                {m.sender ?? 'unknown sender'} ·{' '}
                <time dateTime={new Date(m.receivedAt).toISOString()}>{new Date(m.receivedAt).toLocaleString()}</time>
              </p>
              <p className="mt-1 break-words text-slate-700">
                {OUTCOME_TEXT[m.outcome ?? ''] ?? m.outcome ?? 'Waiting for the worker.'}
                {m.ticketId && m.ticketNumber ? (
                  <>
                    {' '}
                    <Link className="text-brand underline" href={`/agent/tickets/${m.ticketId}`}>
                      Ticket #{m.ticketNumber}
                    </Link>
                  </>
                ) : null}
              </p>
            </div>
            <div className="flex flex-wrap items-center gap-2">
              <Badge tone={status.tone}>
                {m.releasedAt && m.status !== 'quarantined' ? `${status.label} (released)` : status.label}
              </Badge>
              {m.status === 'failed' ? (
                <>
                  <Button
                    size="sm"
                    variant="secondary"
                    disabled={acting}
                    onClick={() => review.mutate({ id: m.id, action: 'retry' })}
                  >
                    Retry
                  </Button>
                  <ConfirmMutationDialog
                    mutation={review}
                    variables={{ id: m.id, action: 'discard' }}
                    trigger={
                      <Button size="sm" variant="ghost">
                        Discard
                      </Button>
                    }
                    title="Discard this message?"
                    description="It stays recorded as ignored and never becomes a ticket or a reply."
                    confirmLabel="Discard"
                  />
                </>
              ) : null}
              {m.status === 'quarantined' ? (
                <>
                  <ConfirmMutationDialog
                    mutation={review}
                    variables={{ id: m.id, action: 'release' }}
                    trigger={
                      <Button size="sm" variant="secondary">
                        Release
                      </Button>
                    }
                    title="Release this message?"
                    description="Its sender failed DMARC. Release it only if you know it is genuine: it then becomes a ticket or a reply, and the customer may be mailed."
                    confirmLabel="Release"
                  />
                  <ConfirmMutationDialog
                    mutation={review}
                    variables={{ id: m.id, action: 'delete' }}
                    trigger={
                      <Button size="sm" variant="danger">
                        Delete
                      </Button>
                    }
                    title="Delete this message from quarantine?"
                    description="It stays recorded as ignored; it never reaches a ticket."
                    confirmLabel="Delete"
                  />
                </>
              ) : null}
            </div>
            {review.error && review.variables?.id === m.id && review.variables.action === 'retry' ? (
              <p role="alert" className="basis-full text-xs text-red-600">
                {describeError(review.error).message}
              </p>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

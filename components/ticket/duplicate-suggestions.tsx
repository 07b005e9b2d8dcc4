'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { ConfirmMutationDialog } from '@/components/ui/confirm-dialog';
import { useTRPC } from '@/lib/trpc/client';
import { StatusBadge } from './ticket-badges';
import { ticketPath } from './ticket-search';
import type { DuplicateSuggestion, TicketInfo } from './types';

function MergeButton({ ticket, target }: { ticket: TicketInfo; target: DuplicateSuggestion }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const merge = useMutation(
    trpc.ticket.merge.mutationOptions({
      onSuccess: async ({ targetTicketId }) => {
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.ticket.get.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.ticket.list.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.ticket.viewCounts.queryKey() }),
        ]);
        router.push(ticketPath(targetTicketId));
      },
    }),
  );
  return (
    <ConfirmMutationDialog
      mutation={merge}
      variables={{ sourceTicketId: ticket.id, targetTicketId: target.id }}
      trigger={
        <Button variant="secondary" size="sm">
          Merge into this
        </Button>
      }
      title={`Merge into ${target.displayNumber}?`}
      description={`${ticket.displayNumber} (the ticket you are on) ends as merged; its messages and files move to ${target.displayNumber} “${target.subject}”. This cannot be undone.`}
      confirmLabel="Merge tickets"
    />
  );
}

/** Recent open tickets from the same requester with a similar subject: likely the same request twice. */
export function DuplicateSuggestions({
  ticket,
  duplicates,
}: {
  ticket: TicketInfo;
  duplicates: DuplicateSuggestion[];
}) {
  if (!duplicates.length || ticket.status === 'merged' || ticket.status === 'closed') return null;
  return (
    <section aria-labelledby="duplicates-heading" className="rounded-lg border border-sky-200 bg-sky-50 p-4">
      <h2 id="duplicates-heading" className="text-sm font-semibold text-sky-900">
        Possible {duplicates.length === 1 ? 'duplicate' : 'duplicates'}
      </h2>
      <p className="mt-0.5 text-xs text-sky-800">Same requester, similar subject, in the last two weeks.</p>
      <ul className="mt-3 space-y-2">
        {duplicates.map((dup) => (
          <li key={dup.id} className="flex flex-wrap items-center gap-2 rounded-md bg-white px-3 py-2 text-sm">
            <span className="font-mono text-xs text-slate-500">{dup.displayNumber}</span>
            <Link
              href={ticketPath(dup.id)}
              className="min-w-0 flex-1 truncate font-medium text-slate-900 hover:underline"
            >
              {dup.subject}
            </Link>
            <StatusBadge status={dup.status} />
            <span className="text-xs text-slate-500">{Math.round(dup.similarity * 100)}% similar</span>
            <MergeButton ticket={ticket} target={dup} />
          </li>
        ))}
      </ul>
    </section>
  );
}

import Link from 'next/link';
import { Alert } from '@/components/ui/card';
import { PriorityLabel, StatusBadge } from './ticket-badges';
import { CHANNEL_LABELS } from './ticket-labels';
import { RelativeTime } from './relative-time';
import { ticketPath } from './ticket-search';
import type { TicketInfo } from './types';

export function TicketHeader({ ticket }: { ticket: TicketInfo }) {
  return (
    <header className="space-y-2">
      <p className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
        <span className="font-mono">{ticket.displayNumber}</span>
        <StatusBadge status={ticket.status} />
        <PriorityLabel priority={ticket.priority} />
        {/* On phones channel and age take their own line, so no line starts or ends on a stray dot. */}
        <span className="flex basis-full flex-wrap items-center gap-2 sm:basis-auto">
          <span aria-hidden="true" className="hidden sm:inline">
            ·
          </span>
          <span>via {CHANNEL_LABELS[ticket.channel]}</span>
          <span aria-hidden="true">·</span>
          <span>
            opened <RelativeTime date={ticket.createdAt} />
          </span>
        </span>
      </p>
      <h1 className="break-words text-2xl font-semibold tracking-tight text-slate-900">{ticket.subject}</h1>
      {ticket.status === 'merged' && ticket.mergedIntoId ? (
        <Alert tone="info">
          This ticket was merged.{' '}
          <Link href={ticketPath(ticket.mergedIntoId)} className="font-medium underline">
            Open the ticket it was merged into
          </Link>
          .
        </Alert>
      ) : null}
    </header>
  );
}

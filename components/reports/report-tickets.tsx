'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { Card, EmptyState } from '@/components/ui/card';
import { ErrorAlert } from '@/components/ui/error-alert';
import { SkeletonList } from '@/components/ui/skeleton';
import { PRIORITY_LABELS } from '@/components/ticket/ticket-labels';
import { STATUS_LABELS, type TicketPriority, type TicketStatus } from '@/lib/constants/ticket';
import { DRILL_LABELS } from '@/lib/reports/drill-labels';
import { useTRPC } from '@/lib/trpc/client';
import type { ReportTicketsInput } from '@/lib/validators/reports';
import { DataTable } from './data-table';

/** The tickets behind a dashboard number, fifty at a time, exportable as shown. */
export function ReportTickets({ input }: { input: Omit<ReportTicketsInput, 'cursor' | 'direction'> }) {
  const trpc = useTRPC();
  const list = useInfiniteQuery(
    trpc.report.tickets.infiniteQueryOptions(input, {
      getNextPageParam: (page) => page.nextCursor ?? undefined,
      initialCursor: undefined,
    }),
  );
  if (list.error) return <ErrorAlert error={list.error} onRetry={() => list.refetch()} />;
  if (!list.data) return <SkeletonList rows={5} label="Loading tickets" />;
  const tickets = list.data.pages.flatMap((p) => p.tickets);
  if (!tickets.length)
    return <EmptyState title="No tickets" description="Nothing this number counts in the chosen range." />;
  return (
    <Card className="space-y-3 p-4">
      <DataTable
        caption={`${DRILL_LABELS[input.metric]} tickets`}
        filename={`tickets-${input.metric}-${input.from}-${input.to}.csv`}
        columns={['Number', 'Subject', 'Status', 'Priority', 'Created']}
        rows={tickets.map((t) => [
          { value: `#${t.number}`, href: `/agent/tickets/${t.id}` },
          t.subject,
          STATUS_LABELS[t.status as TicketStatus] ?? t.status,
          PRIORITY_LABELS[t.priority as TicketPriority] ?? t.priority,
          new Date(t.createdAt).toLocaleString(),
        ])}
      />
      {list.hasNextPage ? (
        <Button variant="secondary" onClick={() => list.fetchNextPage()} disabled={list.isFetchingNextPage}>
          {list.isFetchingNextPage ? 'Loading…' : 'Show more'}
        </Button>
      ) : null}
      <p className="text-sm text-slate-600">
        <Link href="/agent/reports" className="text-indigo-700 hover:underline">
          Back to the dashboard
        </Link>
      </p>
    </Card>
  );
}

'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { Card, EmptyState } from '@/components/ui/card';
import { ConfirmMutationDialog } from '@/components/ui/confirm-dialog';
import { SkeletonList } from '@/components/ui/skeleton';
import { describeError } from '@/lib/trpc/errors';
import { useTRPC } from '@/lib/trpc/client';
import { summarizeWeek } from './week-summary';

type Calendar = {
  id: string;
  name: string;
  timeZone: string;
  weekly: Array<Array<{ start: string; end: string }>>;
  holidays: string[];
};

function CalendarCard({ calendar }: { calendar: Calendar }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const remove = useMutation(
    trpc.businessCalendar.delete.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.businessCalendar.list.queryKey() }),
    }),
  );
  return (
    <li>
      <Card className="flex flex-col gap-3 p-4 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <h3 className="font-semibold text-slate-900">{calendar.name}</h3>
          <p className="text-sm text-slate-600">{calendar.timeZone}</p>
          <p className="mt-1 text-sm text-slate-700">{summarizeWeek(calendar.weekly)}</p>
          <p className="text-xs text-slate-500">
            {calendar.holidays.length
              ? `${calendar.holidays.length} holiday${calendar.holidays.length === 1 ? '' : 's'}`
              : 'No holidays'}
          </p>
        </div>
        <div className="flex shrink-0 gap-2">
          <Button asChild variant="secondary" size="sm">
            <Link href={`/admin/sla/calendars/${calendar.id}`} aria-label={`Edit ${calendar.name}`}>
              Edit
            </Link>
          </Button>
          <ConfirmMutationDialog
            mutation={remove}
            variables={{ calendarId: calendar.id }}
            trigger={
              <Button variant="ghost" size="sm" aria-label={`Delete ${calendar.name}`}>
                Delete
              </Button>
            }
            title={`Delete ${calendar.name}?`}
            description="Policies cannot use a deleted calendar; a calendar still in use is kept, and you are told which policies use it."
            confirmLabel="Delete calendar"
          />
        </div>
      </Card>
    </li>
  );
}

export function CalendarList() {
  const trpc = useTRPC();
  const calendars = useQuery(trpc.businessCalendar.list.queryOptions());
  if (calendars.isPending) return <SkeletonList rows={2} label="Loading calendars" />;
  if (calendars.isError) return <p className="text-sm text-red-700">{describeError(calendars.error).message}</p>;
  if (!calendars.data.length) {
    return (
      <EmptyState
        title="No business-hours calendars"
        description="Without one, targets count around the clock. Add your opening hours and holidays so due times skip nights and weekends."
        action={
          <Button asChild>
            <Link href="/admin/sla/calendars/new">New calendar</Link>
          </Button>
        }
      />
    );
  }
  return (
    <ul aria-label="Calendars" className="space-y-3">
      {calendars.data.map((c) => (
        <CalendarCard key={c.id} calendar={c} />
      ))}
    </ul>
  );
}

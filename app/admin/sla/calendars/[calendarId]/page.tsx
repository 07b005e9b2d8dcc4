import type { Metadata } from 'next';
import { PageHeader } from '@/components/layout/page-header';
import { HydrateClient, getQueryClient, trpc } from '@/server/trpc/rsc';
import { CalendarEditor } from '../../_components/calendar-editor';

export const metadata: Metadata = { title: 'Edit calendar' };

export default async function EditCalendarPage({ params }: { params: Promise<{ calendarId: string }> }) {
  const { calendarId } = await params;
  await getQueryClient().prefetchQuery(trpc.businessCalendar.list.queryOptions());
  return (
    <HydrateClient>
      <div className="max-w-4xl">
        <PageHeader
          title="Edit calendar"
          description="Changes move the due times of open tickets on this calendar; they are recomputed in the background."
        />
        <CalendarEditor calendarId={calendarId} />
      </div>
    </HydrateClient>
  );
}

import type { Metadata } from 'next';
import { PageHeader } from '@/components/layout/page-header';
import { CalendarEditor } from '../../_components/calendar-editor';

export const metadata: Metadata = { title: 'New calendar' };

export default function NewCalendarPage() {
  return (
    <div className="max-w-4xl">
      <PageHeader
        title="New business-hours calendar"
        description="Opening hours and holidays in one time zone. SLA targets on it count only open time."
      />
      <CalendarEditor />
    </div>
  );
}

import type { Metadata } from 'next';
import { PageHeader } from '@/components/layout/page-header';
import { FailedJobList } from './_components/failed-job-list';

export const metadata: Metadata = { title: 'Jobs' };

export default function JobsPage() {
  return (
    <div className="max-w-4xl space-y-6">
      <PageHeader
        title="Jobs"
        description="Emails and events that still failed after every automatic retry. Fix the cause (a mailbox, the mail server), then retry them."
      />
      <FailedJobList />
    </div>
  );
}

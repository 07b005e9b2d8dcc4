import type { Metadata } from 'next';
import { PageHeader } from '@/components/layout/page-header';
import { DigestRecipients } from '@/components/reports/digest-recipients';
import { SupportDashboard } from '@/components/reports/support-dashboard';

export const metadata: Metadata = { title: 'Reports' };

export default function ReportsPage() {
  return (
    <>
      <PageHeader
        title="Reports"
        description="Volume, speed, SLA, satisfaction, self-service and agents, in the workspace's days. Every number opens the tickets it counts."
      />
      <div className="space-y-6">
        <SupportDashboard />
        <DigestRecipients />
      </div>
    </>
  );
}

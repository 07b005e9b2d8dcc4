import type { Metadata } from 'next';
import { PageHeader } from '@/components/layout/page-header';
import { SlaReport } from './_components/sla-report';

export const metadata: Metadata = { title: 'SLA report' };

export default function SlaReportPage() {
  return (
    <>
      <PageHeader
        title="SLA report"
        description="How many targets were met in time, breached or are at risk, for clocks that started in the chosen days."
      />
      <SlaReport />
    </>
  );
}

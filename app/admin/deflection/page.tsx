import type { Metadata } from 'next';
import { PageHeader } from '@/components/layout/page-header';
import { DeflectionReport } from './_components/deflection-report';

export const metadata: Metadata = { title: 'Deflection' };

export default function DeflectionPage() {
  return (
    <div className="max-w-5xl space-y-6">
      <PageHeader
        title="Deflection"
        description="Visitors of the help center and portal who read an article and did not file a request within 30 minutes: questions the help center answered."
      />
      <DeflectionReport />
    </div>
  );
}

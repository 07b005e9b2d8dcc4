import type { Metadata } from 'next';
import { PageHeader } from '@/components/layout/page-header';
import { TriageSettings } from './_components/triage-settings';

export const metadata: Metadata = { title: 'Triage' };

export default function TriagePage() {
  return (
    <div className="max-w-3xl space-y-6">
      <PageHeader
        title="Triage"
        description="Cairn learns from this workspace’s solved tickets to suggest a category and priority for new ones, and points agents to help-center articles that may answer them."
      />
      <TriageSettings />
    </div>
  );
}

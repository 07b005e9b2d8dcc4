import type { Metadata } from 'next';
import { PageHeader } from '@/components/layout/page-header';
import { CsatSettingsForm } from './_components/csat-settings-form';

export const metadata: Metadata = { title: 'Satisfaction' };

export default function SatisfactionSettingsPage() {
  return (
    <div className="max-w-3xl space-y-6">
      <PageHeader
        title="Satisfaction"
        description="The survey customers get when their request is solved: one click in the email, a comment and follow-ups after."
      />
      <CsatSettingsForm />
    </div>
  );
}

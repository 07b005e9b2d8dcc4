import type { Metadata } from 'next';
import { PageHeader } from '@/components/layout/page-header';
import { ChangePasswordForm } from './_components/change-password-form';
import { SessionList } from './_components/session-list';

export const metadata: Metadata = { title: 'Account security' };

export default function AccountSettingsPage() {
  return (
    <div className="max-w-2xl space-y-8">
      <PageHeader title="Account security" description="Your password, and the browsers where you are signed in." />
      <section className="space-y-3" aria-labelledby="sessions-heading">
        <h2 id="sessions-heading" className="text-lg font-semibold">
          Sessions
        </h2>
        <SessionList />
      </section>
      <section className="space-y-3" aria-labelledby="password-heading">
        <h2 id="password-heading" className="text-lg font-semibold">
          Password
        </h2>
        <ChangePasswordForm />
      </section>
    </div>
  );
}

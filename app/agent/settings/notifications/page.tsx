import type { Metadata } from 'next';
import { PageHeader } from '@/components/layout/page-header';
import { NotificationPreferencesForm } from './_components/notification-preferences-form';

export const metadata: Metadata = { title: 'Notifications' };

export default function NotificationSettingsPage() {
  return (
    <div className="max-w-2xl space-y-6">
      <PageHeader
        title="Notifications"
        description="Which emails you get about tickets in this workspace. Customers' own mails are not affected."
      />
      <NotificationPreferencesForm />
    </div>
  );
}

import type { Metadata } from 'next';
import { PageHeader } from '@/components/layout/page-header';
import { HydrateClient, getQueryClient, trpc } from '@/server/trpc/rsc';
import { MailSettingsForm } from './_components/mail-settings-form';

export const metadata: Metadata = { title: 'Email' };

export default async function EmailSettingsPage() {
  // Awaited, so the form renders with the saved values on the server and hydrates without a flash.
  const queryClient = getQueryClient();
  await queryClient.prefetchQuery(trpc.mailSettings.get.queryOptions());
  return (
    <HydrateClient>
      <div className="max-w-3xl space-y-8">
        <PageHeader
          title="Email"
          description="Who your notification mails come from, and the mail server that sends them."
        />
        <MailSettingsForm />
      </div>
    </HydrateClient>
  );
}

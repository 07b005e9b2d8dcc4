import type { Metadata } from 'next';
import { PageHeader } from '@/components/layout/page-header';
import { env } from '@/lib/env';
import { HydrateClient, getQueryClient, trpc } from '@/server/trpc/rsc';
import { loadStaff } from '../../_staff/load-staff';
import { ImapMailboxCard } from './_components/imap-mailbox-card';
import { InboundAddressesCard } from './_components/inbound-addresses-card';
import { InboundMessagesCard } from './_components/inbound-messages-card';
import { InboundSecretCard } from './_components/inbound-secret-card';
import { MailSettingsForm } from './_components/mail-settings-form';

export const metadata: Metadata = { title: 'Email' };

export default async function EmailSettingsPage() {
  // Awaited, so the form renders with the saved values on the server and hydrates without a flash.
  const queryClient = getQueryClient();
  await queryClient.prefetchQuery(trpc.mailSettings.get.queryOptions());
  await queryClient.prefetchQuery(trpc.inboundChannel.secretStatus.queryOptions());
  await queryClient.prefetchQuery(trpc.inboundChannel.mailbox.queryOptions());
  await queryClient.prefetchQuery(trpc.inboundChannel.settings.queryOptions());
  await queryClient.prefetchQuery(trpc.inboundChannel.messages.queryOptions({ view: 'recent' }));
  const slug = (await loadStaff())?.current?.slug ?? 'your-workspace';
  return (
    <HydrateClient>
      <div className="max-w-3xl space-y-8">
        <PageHeader
          title="Email"
          description="Who your notification mails come from, the mail server that sends them, and how mail comes in."
        />
        <MailSettingsForm />
        <InboundAddressesCard />
        <ImapMailboxCard />
        <InboundSecretCard endpoint={new URL(`/api/inbound/${slug}`, env.APP_URL).toString()} slug={slug} />
        <InboundMessagesCard />
      </div>
    </HydrateClient>
  );
}

import type { Metadata } from 'next';
import { PageHeader } from '@/components/layout/page-header';
import { env } from '@/lib/env';
import { HydrateClient, getQueryClient, trpc } from '@/server/trpc/rsc';
import { loadStaff } from '../../_staff/load-staff';
import { WidgetInstall } from './_components/widget-install';
import { WidgetSecretCard } from './_components/widget-secret-card';
import { WidgetSettingsForm } from './_components/widget-settings-form';

export const metadata: Metadata = { title: 'Widget' };

export default async function WidgetPage() {
  const queryClient = getQueryClient();
  await queryClient.prefetchQuery(trpc.widgetSettings.get.queryOptions());
  const slug = (await loadStaff())?.current?.slug ?? 'your-workspace';
  const appUrl = new URL(env.APP_URL).origin;
  return (
    <HydrateClient>
      <div className="max-w-3xl space-y-8">
        <PageHeader
          title="Widget"
          description="A support button for your own product: the page's articles, search, a contact form with the page's context, and the visitor's conversations."
        />
        <WidgetInstall appUrl={appUrl} slug={slug} />
        <WidgetSettingsForm />
        <WidgetSecretCard />
      </div>
    </HydrateClient>
  );
}

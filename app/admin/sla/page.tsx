import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/layout/page-header';
import { Button } from '@/components/ui/button';
import { HydrateClient, getQueryClient, trpc } from '@/server/trpc/rsc';
import { CalendarList } from './_components/calendar-list';
import { DefaultsForm } from './_components/defaults-form';
import { PolicyList } from './_components/policy-list';

export const metadata: Metadata = { title: 'SLA' };

export default async function SlaSettingsPage() {
  // Awaited so the lists are in the HTML and hydration matches.
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.slaPolicy.list.queryOptions()),
    queryClient.prefetchQuery(trpc.businessCalendar.list.queryOptions()),
    queryClient.prefetchQuery(trpc.slaSettings.get.queryOptions()),
  ]);
  return (
    <HydrateClient>
      <div className="max-w-4xl space-y-10">
        <PageHeader
          title="SLA"
          description="Response and resolution targets, the business hours they count, and what happens when a ticket is at risk or late."
        />
        <section aria-labelledby="policies-heading" className="space-y-3">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 id="policies-heading" className="text-lg font-semibold">
              Policies
            </h2>
            <Button asChild size="sm">
              <Link href="/admin/sla/policies/new">New policy</Link>
            </Button>
          </div>
          <p className="text-sm text-slate-600">
            The first enabled policy whose conditions match a ticket applies; order them from most to least specific.
          </p>
          <PolicyList />
        </section>
        <section aria-labelledby="calendars-heading" className="space-y-3">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 id="calendars-heading" className="text-lg font-semibold">
              Business-hours calendars
            </h2>
            <Button asChild size="sm" variant="secondary">
              <Link href="/admin/sla/calendars/new">New calendar</Link>
            </Button>
          </div>
          <CalendarList />
        </section>
        <section aria-labelledby="defaults-heading" className="space-y-3">
          <h2 id="defaults-heading" className="text-lg font-semibold">
            Workspace defaults
          </h2>
          <p className="text-sm text-slate-600">Used when no policy matches a ticket, around the clock.</p>
          <DefaultsForm />
        </section>
      </div>
    </HydrateClient>
  );
}

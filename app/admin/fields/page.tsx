import type { Metadata } from 'next';
import { PageHeader } from '@/components/layout/page-header';
import { HydrateClient, getQueryClient, trpc } from '@/server/trpc/rsc';
import { FieldList } from './_components/field-list';
import { NewField } from './_components/new-field';
import { TagList } from './_components/tag-list';

export const metadata: Metadata = { title: 'Fields and tags' };

export default async function FieldsPage() {
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.ticketField.list.queryOptions()),
    queryClient.prefetchQuery(trpc.ticketField.usage.queryOptions()),
    queryClient.prefetchQuery(trpc.tag.list.queryOptions()),
  ]);
  return (
    <HydrateClient>
      <div className="max-w-5xl space-y-8">
        <PageHeader
          title="Fields and tags"
          description="Custom fields agents fill in on tickets, which must be filled before solving, and the tags in use. Removing one in use says how many tickets it touches."
        />
        <section aria-labelledby="new-field-heading" className="space-y-3">
          <h2 id="new-field-heading" className="text-lg font-semibold">
            New custom field
          </h2>
          <NewField />
        </section>
        <section aria-labelledby="fields-heading" className="space-y-3">
          <h2 id="fields-heading" className="text-lg font-semibold">
            Custom fields
          </h2>
          <FieldList />
        </section>
        <section aria-labelledby="tags-heading" className="space-y-3">
          <h2 id="tags-heading" className="text-lg font-semibold">
            Tags
          </h2>
          <TagList />
        </section>
      </div>
    </HydrateClient>
  );
}

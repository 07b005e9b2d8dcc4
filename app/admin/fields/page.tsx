import type { Metadata } from 'next';
import { AdminPage, AdminSection } from '@/components/layout/admin-page';
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
      <AdminPage
        wide
        title="Fields and tags"
        description="Custom fields agents fill in on tickets, which must be filled before solving, and the tags in use. Removing an option or a tag in use asks where its tickets go; deleting a field says how many values it clears."
      >
        <AdminSection id="new-field" title="New custom field">
          <NewField />
        </AdminSection>
        <AdminSection id="fields" title="Custom fields">
          <FieldList />
        </AdminSection>
        <AdminSection id="tags" title="Tags">
          <TagList />
        </AdminSection>
      </AdminPage>
    </HydrateClient>
  );
}

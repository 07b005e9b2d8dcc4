import type { Metadata } from 'next';
import { AdminPage, AdminSection } from '@/components/layout/admin-page';
import { HydrateClient, getQueryClient, trpc } from '@/server/trpc/rsc';
import { CategoryList } from './_components/category-list';
import { NewCategory } from './_components/new-category';

export const metadata: Metadata = { title: 'Ticket categories' };

export default async function CategoriesPage() {
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.category.list.queryOptions()),
    queryClient.prefetchQuery(trpc.category.usage.queryOptions()),
  ]);
  return (
    <HydrateClient>
      <AdminPage
        title="Ticket categories"
        description="What customers pick when they write in, and what reports group by. Deleting one in use asks where its tickets go."
      >
        <AdminSection id="new-category" title="New category">
          <NewCategory />
        </AdminSection>
        <AdminSection id="categories" title="Categories">
          <CategoryList />
        </AdminSection>
      </AdminPage>
    </HydrateClient>
  );
}

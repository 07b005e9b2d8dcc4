import type { Metadata } from 'next';
import { PageHeader } from '@/components/layout/page-header';
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
      <div className="max-w-4xl space-y-8">
        <PageHeader
          title="Ticket categories"
          description="What customers pick when they write in, and what reports group by. Deleting one in use asks where its tickets go."
        />
        <section aria-labelledby="new-category-heading" className="space-y-3">
          <h2 id="new-category-heading" className="text-lg font-semibold">
            New category
          </h2>
          <NewCategory />
        </section>
        <section aria-labelledby="categories-heading" className="space-y-3">
          <h2 id="categories-heading" className="text-lg font-semibold">
            Categories
          </h2>
          <CategoryList />
        </section>
      </div>
    </HydrateClient>
  );
}

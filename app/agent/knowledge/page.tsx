import type { Metadata } from 'next';
import Link from 'next/link';
import { ArticleTable } from '@/components/knowledge/article-table';
import { CategoryManager } from '@/components/knowledge/category-manager';
import { PageHeader } from '@/components/layout/page-header';
import { Button } from '@/components/ui/button';
import { getQueryClient, HydrateClient, trpc } from '@/server/trpc/rsc';

export const metadata: Metadata = { title: 'Knowledge base' };

export default async function KnowledgePage() {
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.article.list.queryOptions({})),
    queryClient.prefetchQuery(trpc.articleCategory.list.queryOptions()),
  ]);
  return (
    <HydrateClient>
      <PageHeader
        title="Knowledge base"
        description="The articles of your help center: write, review, publish and see what readers find helpful."
        actions={
          <Button asChild>
            <Link href="/agent/knowledge/new">New article</Link>
          </Button>
        }
      />
      <div className="grid gap-8 xl:grid-cols-[minmax(0,1fr)_18rem]">
        <ArticleTable />
        <aside>
          <CategoryManager />
        </aside>
      </div>
    </HydrateClient>
  );
}

import type { Metadata } from 'next';
import { ArticleEditor } from '@/components/knowledge/article-editor';
import { PageHeader } from '@/components/layout/page-header';
import { getQueryClient, HydrateClient, trpc } from '@/server/trpc/rsc';

export const metadata: Metadata = { title: 'New article' };

export default async function NewArticlePage() {
  await getQueryClient().prefetchQuery(trpc.articleCategory.list.queryOptions());
  return (
    <HydrateClient>
      <PageHeader
        title="New article"
        description="It starts as a draft: nobody outside the team sees it until you publish it."
      />
      <ArticleEditor />
    </HydrateClient>
  );
}

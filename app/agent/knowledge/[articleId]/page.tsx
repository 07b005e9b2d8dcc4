import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/layout/page-header';
import { getQueryClient, HydrateClient, trpc } from '@/server/trpc/rsc';
import { ArticleWorkspace } from './_components/article-workspace';

export const metadata: Metadata = { title: 'Edit article' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function EditArticlePage({ params }: { params: Promise<{ articleId: string }> }) {
  const { articleId } = await params;
  if (!UUID.test(articleId)) notFound();
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.article.get.queryOptions({ articleId })),
    queryClient.prefetchQuery(trpc.articleCategory.list.queryOptions()),
  ]);
  return (
    <HydrateClient>
      <PageHeader title="Edit article" />
      <ArticleWorkspace articleId={articleId} />
    </HydrateClient>
  );
}

'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { ArticleEditor } from '@/components/knowledge/article-editor';
import { StatusActions } from '@/components/knowledge/status-actions';
import { VersionHistory } from '@/components/knowledge/version-history';
import { Alert } from '@/components/ui/card';
import { SkeletonList } from '@/components/ui/skeleton';
import { describeError } from '@/lib/trpc/errors';
import { useTRPC } from '@/lib/trpc/client';

/** The editor beside the article's status and version history. */
export function ArticleWorkspace({ articleId }: { articleId: string }) {
  const trpc = useTRPC();
  const current = useQuery(trpc.workspace.current.queryOptions());
  const detail = useQuery(trpc.article.get.queryOptions({ articleId }));
  if (detail.isPending) return <SkeletonList rows={6} label="Loading the article" />;
  if (detail.isError) {
    return (
      <div className="space-y-3">
        <Alert>{describeError(detail.error).message}</Alert>
        <Link href="/agent/knowledge" className="text-sm text-brand underline">
          Back to the knowledge base
        </Link>
      </div>
    );
  }
  const { article, versions } = detail.data;
  const helpCenterUrl = current.data ? `/${current.data.slug}/help/articles/${article.slug}` : null;

  return (
    <div className="grid gap-8 xl:grid-cols-[minmax(0,1fr)_18rem]">
      {/* Keyed by version: a restore (or another agent's save) reloads the form with the stored wording. */}
      <ArticleEditor key={article.currentVersion} article={article} />
      <aside className="space-y-8">
        <StatusActions
          articleId={article.id}
          status={article.status}
          publishedAt={article.publishedAt}
          helpCenterUrl={helpCenterUrl}
        />
        <VersionHistory articleId={article.id} versions={versions} currentVersion={article.currentVersion} />
      </aside>
    </div>
  );
}

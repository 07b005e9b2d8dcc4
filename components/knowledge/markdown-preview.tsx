'use client';

import { useMutation } from '@tanstack/react-query';
import { useEffect } from 'react';
import { ArticleBody } from '@/components/help/article-body';
import { Alert } from '@/components/ui/card';
import { describeError } from '@/lib/trpc/errors';
import { useTRPC } from '@/lib/trpc/client';
import { useDebouncedValue } from '@/components/ui/use-debounced-value';

/**
 * Live preview through the server's renderer and sanitizer (article.preview), so the preview shows
 * exactly what readers will get, stripped markup included.
 */
export function MarkdownPreview({ markdown }: { markdown: string }) {
  const trpc = useTRPC();
  const settled = useDebouncedValue(markdown, 400);
  const preview = useMutation(trpc.article.preview.mutationOptions());
  const { mutate } = preview;
  useEffect(() => {
    mutate({ bodyMarkdown: settled });
  }, [settled, mutate]);

  if (preview.isError) return <Alert>{describeError(preview.error).message}</Alert>;
  return (
    <div
      aria-live="polite"
      aria-busy={preview.isPending}
      className="min-h-64 rounded-md border border-slate-200 bg-white p-4"
    >
      {preview.data?.html ? (
        <ArticleBody html={preview.data.html} />
      ) : (
        <p className="text-sm text-slate-500">{preview.isPending ? 'Rendering…' : 'Nothing to preview yet.'}</p>
      )}
    </div>
  );
}

'use client';

import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTRPC } from '@/lib/trpc/client';

/**
 * Counts a view from the reader's browser once the page is shown, not on the server render: link
 * prefetches and crawlers' renders would otherwise inflate the counts.
 */
export function ArticleViewBeacon({ workspace, articleId }: { workspace: string; articleId: string }) {
  const trpc = useTRPC();
  const record = useMutation(trpc.help.recordView.mutationOptions());
  const sent = useRef<string | null>(null);
  useEffect(() => {
    if (sent.current === articleId) return;
    sent.current = articleId;
    record.mutate({ workspace, articleId });
  }, [articleId, workspace, record]);
  return null;
}

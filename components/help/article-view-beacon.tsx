'use client';

import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { captureHelpCenterUsage } from '@/lib/analytics/help-center-usage';
import { useTRPC } from '@/lib/trpc/client';
import { useSupportActivity } from './use-support-activity';

/**
 * Counts a view from the reader's browser once the page is shown, not on the server render: link
 * prefetches and crawlers' renders would otherwise inflate the counts. The same moment feeds deflection
 * (support session) and product analytics.
 */
export function ArticleViewBeacon({ workspace, articleId }: { workspace: string; articleId: string }) {
  const trpc = useTRPC();
  const { mutate } = useMutation(trpc.help.recordView.mutationOptions());
  const recordActivity = useSupportActivity(workspace, 'help_center');
  const sent = useRef<string | null>(null);
  useEffect(() => {
    if (sent.current === articleId) return;
    sent.current = articleId;
    mutate({ workspace, articleId });
    recordActivity({ kind: 'article_viewed', articleId });
    captureHelpCenterUsage(workspace, { action: 'article_view', articleId });
  }, [articleId, workspace, mutate, recordActivity]);
  return null;
}

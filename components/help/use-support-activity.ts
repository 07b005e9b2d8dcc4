'use client';

import { useMutation } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { SupportSource } from '@/lib/constants/support';
import { useTRPC } from '@/lib/trpc/client';
import { supportSessionId } from '@/lib/utils/support-session';

/**
 * Reports what this tab's support session does (support.record), for deflection. Fire and forget: a lost
 * fact costs a statistic, never the reader's page. Nothing is sent where the tab cannot keep a session id.
 */
export function useSupportActivity(workspace: string, source: SupportSource) {
  const trpc = useTRPC();
  const { mutate } = useMutation(trpc.support.record.mutationOptions());
  return useCallback(
    (activity: { kind: 'article_viewed'; articleId: string } | { kind: 'search' }) => {
      const sessionId = supportSessionId();
      if (!sessionId) return;
      mutate({ workspace, sessionId, source, pagePath: window.location.pathname, ...activity });
    },
    [mutate, workspace, source],
  );
}

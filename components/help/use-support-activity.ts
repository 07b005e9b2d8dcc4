'use client';

import { useMutation } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { SupportSource } from '@/lib/constants/support';
import { useTRPC } from '@/lib/trpc/client';
import { supportSessionId } from '@/lib/utils/support-session';

/** Where a fact happened when it is not this tab's own page: the widget panel's session and its host page. */
export type SupportSessionWhere = () => { sessionId: string | null; pagePath: string };

const thisTab: SupportSessionWhere = () => ({ sessionId: supportSessionId(), pagePath: window.location.pathname });

/**
 * Reports what this tab's support session does (support.record), for deflection. Fire and forget: a lost
 * fact costs a statistic, never the reader's page. Nothing is sent where the tab cannot keep a session id.
 * The widget panel passes `where`: its own per-panel session and the host page's path (the iframe's own
 * path would name only the embed route).
 */
export function useSupportActivity(workspace: string, source: SupportSource, where: SupportSessionWhere = thisTab) {
  const trpc = useTRPC();
  const { mutate } = useMutation(trpc.support.record.mutationOptions());
  return useCallback(
    (activity: { kind: 'article_viewed'; articleId: string } | { kind: 'search' }) => {
      const { sessionId, pagePath } = where();
      if (!sessionId) return;
      mutate({ workspace, sessionId, source, pagePath, ...activity });
    },
    [mutate, workspace, source, where],
  );
}

'use client';

import { useEffect, useRef } from 'react';
import { captureHelpCenterUsage } from '@/lib/analytics/help-center-usage';
import { useSupportActivity } from './use-support-activity';

/** A search results page was shown: one support-session fact and one analytics event per query. */
export function SearchBeacon({
  workspace,
  query,
  resultCount,
}: {
  workspace: string;
  query: string;
  resultCount: number;
}) {
  const recordActivity = useSupportActivity(workspace, 'help_center');
  const sent = useRef<string | null>(null);
  useEffect(() => {
    if (sent.current === query) return;
    sent.current = query;
    recordActivity({ kind: 'search' });
    captureHelpCenterUsage(workspace, { action: 'search', resultCount });
  }, [query, resultCount, workspace, recordActivity]);
  return null;
}

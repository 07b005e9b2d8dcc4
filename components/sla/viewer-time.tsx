'use client';

import { formatViewerTime } from './format-sla';
import { useNow } from './use-now';

/**
 * A time in the viewer's own zone. The server does not know that zone, so the server render (and the first
 * client render, for hydration) prints UTC; the local wording takes over once mounted.
 */
export function ViewerTime({ date }: { date: Date }) {
  const mounted = useNow(null) !== null;
  return (
    <time dateTime={date.toISOString()} suppressHydrationWarning>
      {mounted ? formatViewerTime(date) : `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`}
    </time>
  );
}

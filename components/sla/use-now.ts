'use client';

import { useEffect, useState } from 'react';

/**
 * The current time, redrawn every `intervalMs` (null: never). Null until mounted, so the server render and
 * the first client render agree and hydration never sees two different clocks.
 */
export function useNow(intervalMs: number | null): number | null {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    if (!intervalMs) return;
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** A countdown's clock: it picks its own pace from how close `dueAt` is (every second in the last hour). */
export function useCountdownNow(dueAt: Date | null): number | null {
  const [intervalMs, setIntervalMs] = useState<number | null>(30_000);
  const now = useNow(intervalMs);
  const dueMs = dueAt?.getTime() ?? null;
  useEffect(() => {
    if (now === null) return;
    const next = dueMs === null ? null : Math.abs(dueMs - now) < 3_600_000 ? 1000 : 30_000;
    if (next !== intervalMs) setIntervalMs(next);
  }, [now, dueMs, intervalMs]);
  return now;
}

import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ErrorAlert } from './error-alert';
import { SkeletonList } from './skeleton';

/**
 * The states of one query, shown one way everywhere: placeholder rows while it loads, the server's words
 * (with Try again when `retry`) when it fails, `empty` when it answered with an empty list, otherwise
 * `children` with the data. Lists that keep stale data on screen during a refetch handle that themselves.
 */
export function QueryView<T>({
  query,
  loading,
  retry = false,
  empty,
  children,
}: {
  query: UseQueryResult<T, unknown>;
  /** Placeholder rows and the status label screen readers hear while loading. */
  loading: { rows: number; label: string };
  retry?: boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <SkeletonList rows={loading.rows} label={loading.label} />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={retry ? () => query.refetch() : undefined} />;
  if (empty !== undefined && Array.isArray(query.data) && query.data.length === 0) return empty;
  return children(query.data);
}

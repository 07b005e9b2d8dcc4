'use client';

import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { EmptyState } from '@/components/ui/card';
import { ErrorAlert } from '@/components/ui/error-alert';
import { SkeletonList } from '@/components/ui/skeleton';

/**
 * The states of an admin list built from one or more queries (a list and its usage counts): placeholder
 * rows until every query answered, the first failure with Try again, `empty` when there is nothing to
 * list, otherwise `children`.
 */
export function ListStates({
  queries,
  loading,
  isEmpty,
  empty,
  children,
}: {
  queries: readonly UseQueryResult<unknown, unknown>[];
  /** Placeholder rows and the status label screen readers hear while loading. */
  loading: { rows: number; label: string };
  isEmpty: boolean;
  empty: { title: string; description: string };
  children: () => ReactNode;
}) {
  if (queries.some((query) => query.isPending)) return <SkeletonList rows={loading.rows} label={loading.label} />;
  const failed = queries.find((query) => query.isError);
  if (failed) return <ErrorAlert error={failed.error} onRetry={() => failed.refetch()} />;
  if (isEmpty) return <EmptyState title={empty.title} description={empty.description} />;
  return children();
}

'use client';

import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Alert, EmptyState } from '@/components/ui/card';
import { SkeletonList } from '@/components/ui/skeleton';
import { describeError } from '@/lib/trpc/errors';
import { useTRPC, useTRPCClient } from '@/lib/trpc/client';

const PAGE_SIZE = 50;
const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function FailedJobList() {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const input = { limit: PAGE_SIZE };
  // Built by hand, as in the customer list: infiniteQueryOptions adds a `direction` field the strict input rejects.
  const jobs = useInfiniteQuery({
    queryKey: trpc.job.listFailed.infiniteQueryKey(input),
    queryFn: ({ pageParam }) => client.job.listFailed.query({ ...input, cursor: pageParam ?? undefined }),
    initialPageParam: null as { availableAt: Date; id: string } | null,
    getNextPageParam: (page) => page.nextCursor,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.job.listFailed.pathKey() });
  const retry = useMutation(trpc.job.retry.mutationOptions({ onSuccess: refresh }));
  const retryAll = useMutation(trpc.job.retryAll.mutationOptions({ onSuccess: refresh }));
  const items = jobs.data?.pages.flatMap((page) => page.items) ?? [];

  if (jobs.isPending) return <SkeletonList rows={3} label="Loading failed jobs" />;
  if (jobs.isError) return <Alert>{describeError(jobs.error).message}</Alert>;
  if (items.length === 0) {
    return (
      <EmptyState
        title="No failed jobs"
        description="Every email and event of this workspace went through. Work that keeps failing after its retries shows up here."
      />
    );
  }

  const error = retry.error ?? retryAll.error;
  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between gap-3">
        <p className="text-sm text-slate-600">
          {items.length}
          {jobs.hasNextPage ? '+' : ''} failed {items.length === 1 ? 'job' : 'jobs'}, newest first.
        </p>
        <Button variant="secondary" size="sm" disabled={retryAll.isPending} onClick={() => retryAll.mutate()}>
          {retryAll.isPending ? 'Retrying…' : 'Retry all'}
        </Button>
      </div>
      {error ? <Alert>{describeError(error).message}</Alert> : null}
      {retryAll.data ? (
        <Alert tone="success">{`${retryAll.data.retried} ${retryAll.data.retried === 1 ? 'job' : 'jobs'} put back on the queue.`}</Alert>
      ) : null}
      <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
        {items.map((job) => (
          <li key={job.id} className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-start">
            <div className="min-w-0 flex-1 space-y-1">
              <div className="flex flex-wrap items-center gap-2">
                <Badge tone="danger">{job.kind}</Badge>
                <span className="break-all text-sm font-medium text-slate-900">{job.title}</span>
              </div>
              {job.detail ? <p className="break-words text-sm text-slate-700">{job.detail}</p> : null}
              {job.lastError ? <p className="break-words font-mono text-xs text-red-700">{job.lastError}</p> : null}
              <p className="text-xs text-slate-500">
                {job.attempts} {job.attempts === 1 ? 'attempt' : 'attempts'} · created {when.format(job.createdAt)}
              </p>
            </div>
            <Button
              variant="ghost"
              size="sm"
              aria-label={`Retry ${job.title}`}
              disabled={retry.isPending && retry.variables?.jobId === job.id}
              onClick={() => retry.mutate({ jobId: job.id })}
            >
              Retry
            </Button>
          </li>
        ))}
      </ul>
      {jobs.hasNextPage ? (
        <Button variant="secondary" size="sm" disabled={jobs.isFetchingNextPage} onClick={() => jobs.fetchNextPage()}>
          {jobs.isFetchingNextPage ? 'Loading…' : 'Show older'}
        </Button>
      ) : null}
    </div>
  );
}

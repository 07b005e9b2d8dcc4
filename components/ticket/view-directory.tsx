'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { EmptyState } from '@/components/ui/card';
import { QueryView } from '@/components/ui/query-view';
import { BUILT_IN_VIEWS, VIEW_LABELS, type BuiltInView } from '@/lib/constants/ticket';
import { useTRPC } from '@/lib/trpc/client';
import { viewPath } from './active-list';

const VIEW_DESCRIPTIONS: Record<BuiltInView, string> = {
  my_open: 'Unsolved tickets assigned to you.',
  unassigned: 'Unsolved tickets nobody has picked up yet.',
  all_open: 'Every unsolved ticket in the workspace.',
  pending: 'Waiting on the customer.',
  recently_solved: 'Solved or closed in the last 7 days.',
};

function ViewCard({
  href,
  title,
  description,
  count,
}: {
  href: string;
  title: string;
  description: string;
  count?: number;
}) {
  return (
    <Link
      href={href}
      className="flex items-start justify-between gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-slate-300"
    >
      <span className="min-w-0">
        <span className="block font-medium text-slate-900">{title}</span>
        <span className="mt-0.5 block text-sm text-slate-600">{description}</span>
      </span>
      {count !== undefined ? (
        <span className="rounded-full bg-slate-100 px-2.5 py-0.5 text-sm font-medium tabular-nums text-slate-700">
          {count}
          <span className="sr-only"> tickets</span>
        </span>
      ) : null}
    </Link>
  );
}

/** Every list an agent can open: the built-in views with counts, then saved views. */
export function ViewDirectory() {
  const trpc = useTRPC();
  const counts = useQuery(trpc.ticket.viewCounts.queryOptions());
  const saved = useQuery(trpc.savedView.list.queryOptions());
  return (
    <div className="space-y-8">
      <section aria-labelledby="built-in-views" className="space-y-3">
        <h2 id="built-in-views" className="text-lg font-semibold">
          Built-in views
        </h2>
        <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
          {BUILT_IN_VIEWS.map((view) => (
            <li key={view}>
              <ViewCard
                href={viewPath(view)}
                title={VIEW_LABELS[view]}
                description={VIEW_DESCRIPTIONS[view]}
                count={counts.data?.[view]}
              />
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="saved-views" className="space-y-3">
        <h2 id="saved-views" className="text-lg font-semibold">
          Saved views
        </h2>
        <QueryView
          query={saved}
          loading={{ rows: 2, label: 'Loading saved views' }}
          empty={
            <EmptyState
              title="No saved views yet"
              description="Filter any ticket list, then choose “Save as view” to keep those filters one click away."
            />
          }
        >
          {(data) => (
            <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
              {data.map((view) => (
                <li key={view.id}>
                  <ViewCard
                    href={viewPath(view.id)}
                    title={view.name}
                    description={view.shared ? 'Shared with the workspace' : 'Personal'}
                  />
                </li>
              ))}
            </ul>
          )}
        </QueryView>
      </section>
    </div>
  );
}

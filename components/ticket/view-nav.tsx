'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { BUILT_IN_VIEWS, VIEW_LABELS } from '@/lib/constants/ticket';
import { useTRPC } from '@/lib/trpc/client';
import { cn } from '@/lib/utils/cn';
import { viewPath, type ActiveList } from './active-list';

function NavLink({ href, active, label, count }: { href: string; active: boolean; label: string; count?: number }) {
  return (
    <Link
      href={href}
      aria-current={active ? 'page' : undefined}
      // `relative`: the count's screen-reader text is positioned absolutely; without a positioned ancestor
      // inside the scrolling row it lands past the phone's edge and widens the whole page.
      className={cn(
        'relative flex shrink-0 items-center justify-between gap-3 whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium',
        active
          ? 'bg-white text-slate-900 shadow-sm ring-1 ring-slate-200'
          : 'text-slate-600 hover:bg-white hover:text-slate-900',
      )}
    >
      <span className="truncate">{label}</span>
      {count !== undefined ? (
        <span
          className={cn(
            'rounded-full px-2 text-xs tabular-nums',
            active ? 'bg-brand text-white' : 'bg-slate-200 text-slate-700',
          )}
        >
          <span className="sr-only">(</span>
          {count}
          <span className="sr-only"> tickets)</span>
        </span>
      ) : null}
    </Link>
  );
}

/**
 * The lists an agent works from: the built-in views with live counts, then every ticket. A column on
 * wide screens, a scrolling row of tabs on phones.
 */
export function ViewNav({
  active,
  savedViews,
}: {
  active: ActiveList;
  savedViews?: Array<{ id: string; name: string }>;
}) {
  const trpc = useTRPC();
  const counts = useQuery(trpc.ticket.viewCounts.queryOptions());
  return (
    <nav aria-label="Ticket views" className="lg:w-56 lg:shrink-0">
      <ul className="-mx-1 flex gap-1 overflow-x-auto px-1 pb-1 lg:flex-col lg:overflow-visible">
        {BUILT_IN_VIEWS.map((view) => (
          <li key={view}>
            <NavLink
              href={viewPath(view)}
              active={active.kind === 'view' && active.view === view}
              label={VIEW_LABELS[view]}
              count={counts.data?.[view]}
            />
          </li>
        ))}
        <li>
          <NavLink href="/agent/tickets" active={active.kind === 'all'} label="All tickets" />
        </li>
      </ul>
      {savedViews?.length ? (
        <>
          <h2 className="mt-4 hidden px-3 text-xs font-semibold uppercase tracking-wide text-slate-500 lg:block">
            Saved views
          </h2>
          <ul
            aria-label="Saved views"
            className="-mx-1 mt-1 flex gap-1 overflow-x-auto px-1 pb-1 lg:flex-col lg:overflow-visible"
          >
            {savedViews.map((view) => (
              <li key={view.id}>
                <NavLink
                  href={viewPath(view.id)}
                  active={active.kind === 'saved' && active.savedViewId === view.id}
                  label={view.name}
                />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </nav>
  );
}

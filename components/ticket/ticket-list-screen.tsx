'use client';

import { useQuery } from '@tanstack/react-query';
import { PageHeader } from '@/components/layout/page-header';
import { Alert } from '@/components/ui/card';
import { VIEW_LABELS } from '@/lib/constants/ticket';
import { ADMIN_ROLES } from '@/lib/constants/workspace';
import { useTRPC } from '@/lib/trpc/client';
import type { ActiveList } from './active-list';
import { DeleteViewButton } from './delete-view-button';
import { TicketListView } from './ticket-list-view';
import { ViewNav } from './view-nav';

/** A ticket list page: the views beside (or, on phones, above) the list itself. */
export function TicketListScreen({
  active,
  currentUserId,
  title,
}: {
  active: ActiveList;
  currentUserId: string;
  title?: string;
}) {
  const trpc = useTRPC();
  const savedViews = useQuery(trpc.savedView.list.queryOptions());
  const current = useQuery(trpc.workspace.current.queryOptions());
  const saved = active.kind === 'saved' ? savedViews.data?.find((v) => v.id === active.savedViewId) : undefined;
  // Mirrors the server's rule: owners delete their own views, admins any view.
  const canDelete = Boolean(
    saved &&
    (saved.ownerUserId === currentUserId ||
      (current.data && (ADMIN_ROLES as readonly string[]).includes(current.data.role))),
  );
  const heading =
    title ??
    (active.kind === 'view'
      ? VIEW_LABELS[active.view]
      : active.kind === 'all'
        ? 'All tickets'
        : (saved?.name ?? 'Saved view'));

  return (
    <>
      <PageHeader
        title={heading}
        description={
          active.kind === 'saved' && saved
            ? saved.shared
              ? 'A view shared with the workspace.'
              : 'Your personal view.'
            : undefined
        }
        actions={saved && canDelete ? <DeleteViewButton savedViewId={saved.id} name={saved.name} /> : undefined}
      />
      {active.kind === 'saved' && savedViews.data && !saved ? (
        <Alert>This saved view no longer exists, or it belongs to someone else. Pick another view.</Alert>
      ) : null}
      <div className="flex flex-col gap-6 lg:flex-row">
        <ViewNav active={active} savedViews={savedViews.data} />
        <TicketListView key={JSON.stringify(active)} active={active} currentUserId={currentUserId} />
      </div>
    </>
  );
}

'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { CategoryIcon } from '@/components/ticket/category-icon';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/card';
import { DataTable } from '@/components/ui/data-table';
import { ErrorAlert } from '@/components/ui/error-alert';
import { EditDialog } from '@/components/ui/edit-dialog';
import { RemoveInUseDialog } from '@/components/ui/remove-in-use-dialog';
import { SkeletonList } from '@/components/ui/skeleton';
import type { CategoryRow } from '@/components/ticket/types';
import { useTRPC } from '@/lib/trpc/client';
import { CategoryForm } from './category-form';

type Category = CategoryRow & { tickets: number };
const column = createColumnHelper<Category>();

/** The workspace's ticket categories with how many tickets use each; edit, archive, delete. */
export function CategoryList() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.category.list.queryOptions());
  const usage = useQuery(trpc.category.usage.queryOptions());
  const [editing, setEditing] = useState<Category | null>(null);
  const [deleting, setDeleting] = useState<Category | null>(null);
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.category.list.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.category.usage.queryKey() }),
    ]);
  const update = useMutation(trpc.category.update.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(
    trpc.category.delete.mutationOptions({
      onSuccess: async () => {
        setDeleting(null);
        await refresh();
      },
    }),
  );

  const rows = useMemo<Category[]>(() => {
    const counts = new Map((usage.data ?? []).map((u) => [u.categoryId, u.tickets]));
    return (list.data ?? []).map((c) => ({ ...c, tickets: counts.get(c.id) ?? 0 }));
  }, [list.data, usage.data]);

  const columns = useMemo(
    () => [
      column.accessor('name', {
        header: 'Category',
        cell: ({ row }) => (
          <span className="flex items-center gap-2 font-medium text-slate-900">
            <CategoryIcon icon={row.original.icon} color={row.original.color} />
            {row.original.name}
            {row.original.archivedAt ? <Badge tone="neutral">Archived</Badge> : null}
          </span>
        ),
      }),
      column.accessor('tickets', {
        header: 'Tickets',
        cell: ({ getValue }) => <span className="tabular-nums">{getValue()}</span>,
      }),
      column.display({
        id: 'actions',
        header: () => <span className="sr-only">Actions</span>,
        cell: ({ row }) => (
          <div className="flex justify-end gap-1">
            <Button size="sm" variant="ghost" onClick={() => setEditing(row.original)}>
              Edit<span className="sr-only"> {row.original.name}</span>
            </Button>
            <Button
              size="sm"
              variant="ghost"
              disabled={update.isPending}
              onClick={() => update.mutate({ categoryId: row.original.id, archived: !row.original.archivedAt })}
            >
              {row.original.archivedAt ? 'Restore' : 'Archive'}
              <span className="sr-only"> {row.original.name}</span>
            </Button>
            <Button size="sm" variant="ghost" className="text-red-700" onClick={() => setDeleting(row.original)}>
              Delete<span className="sr-only"> {row.original.name}</span>
            </Button>
          </div>
        ),
      }),
    ],
    [update],
  );

  if (list.isPending || usage.isPending) return <SkeletonList rows={4} label="Loading categories" />;
  if (list.isError) return <ErrorAlert error={list.error} onRetry={() => list.refetch()} />;
  if (usage.isError) return <ErrorAlert error={usage.error} onRetry={() => usage.refetch()} />;
  if (!rows.length)
    return <EmptyState title="No categories yet" description="Add one above; customers pick it when they write in." />;

  return (
    <>
      {update.error ? <ErrorAlert error={update.error} /> : null}
      <DataTable data={rows} columns={columns} caption="Ticket categories" rowId={(c) => c.id} />
      <EditDialog
        item={editing}
        title={`Edit ${editing?.name ?? 'category'}`}
        onClose={() => {
          setEditing(null);
          update.reset();
        }}
      >
        {(category) => (
          <CategoryForm
            initial={{
              name: category.name,
              description: category.description,
              color: category.color,
              icon: category.icon,
            }}
            submitLabel="Save category"
            pending={update.isPending}
            error={update.error}
            onSubmit={(values) =>
              update.mutate({ categoryId: category.id, ...values }, { onSuccess: () => setEditing(null) })
            }
          />
        )}
      </EditDialog>
      <RemoveInUseDialog
        key={deleting?.id ?? 'none'}
        open={deleting !== null}
        onOpenChange={(open) => {
          if (!open) {
            setDeleting(null);
            remove.reset();
          }
        }}
        title={`Delete ${deleting?.name ?? 'category'}`}
        noun="category"
        count={deleting?.tickets ?? 0}
        replacements={rows
          .filter((c) => c.id !== deleting?.id && !c.archivedAt)
          .map((c) => ({ value: c.id, label: c.name }))}
        clearLabel="Leave them without a category"
        confirmLabel="Delete category"
        pending={remove.isPending}
        error={remove.error}
        onConfirm={(choice) =>
          deleting &&
          remove.mutate({
            categoryId: deleting.id,
            tickets: choice.action === 'reassign' ? { action: 'reassign', categoryId: choice.value } : choice,
          })
        }
      />
    </>
  );
}

'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { CategoryIcon } from '@/components/ticket/category-icon';
import { Badge } from '@/components/ui/badge';
import { DataTable } from '@/components/ui/data-table';
import { ErrorAlert } from '@/components/ui/error-alert';
import { EditDialog } from '@/components/ui/edit-dialog';
import { actionsColumn } from '@/components/ui/row-actions';
import type { CategoryRow } from '@/components/ticket/types';
import { useTRPC } from '@/lib/trpc/client';
import { DeleteInUseDialog } from '../../_components/delete-in-use-dialog';
import { ListStates } from '../../_components/list-states';
import { EditArchiveDeleteActions } from '../../_components/row-actions';
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
      actionsColumn<Category>((category) => (
        <EditArchiveDeleteActions
          name={category.name}
          archived={Boolean(category.archivedAt)}
          onEdit={() => setEditing(category)}
          onArchive={(archived) => update.mutate({ categoryId: category.id, archived })}
          archivePending={update.isPending}
          onDelete={() => setDeleting(category)}
        />
      )),
    ],
    [update],
  );

  return (
    <ListStates
      queries={[list, usage]}
      loading={{ rows: 4, label: 'Loading categories' }}
      isEmpty={!rows.length}
      empty={{ title: 'No categories yet', description: 'Add one above; customers pick it when they write in.' }}
    >
      {() => (
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
          <DeleteInUseDialog
            item={deleting}
            rows={rows}
            rowId={(c) => c.id}
            rowLabel={(c) => c.name}
            offered={(c) => !c.archivedAt}
            onClose={() => setDeleting(null)}
            mutation={remove}
            title={`Delete ${deleting?.name ?? 'category'}`}
            noun="category"
            clearLabel="Leave them without a category"
            confirmLabel="Delete category"
            onConfirm={(category, choice) =>
              remove.mutate({
                categoryId: category.id,
                tickets: choice.action === 'reassign' ? { action: 'reassign', categoryId: choice.value } : choice,
              })
            }
          />
        </>
      )}
    </ListStates>
  );
}

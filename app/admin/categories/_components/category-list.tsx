'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import { CategoryIcon } from '@/components/ticket/category-icon';
import type { CategoryRow } from '@/components/ticket/types';
import { Badge } from '@/components/ui/badge';
import { ErrorAlert } from '@/components/ui/error-alert';
import { useTRPC } from '@/lib/trpc/client';
import { useInvalidate } from '@/lib/trpc/use-invalidate';
import { TicketConfigTable, useRowDialogs, useTicketCounts } from '../../_components/ticket-config-list';
import { CategoryForm } from './category-form';

type Category = CategoryRow & { tickets: number };
const column = createColumnHelper<Category>();

/** The workspace's ticket categories with how many tickets use each; edit, archive, delete. */
export function CategoryList() {
  const trpc = useTRPC();
  const list = useQuery(trpc.category.list.queryOptions());
  const usage = useQuery(trpc.category.usage.queryOptions());
  const dialogs = useRowDialogs<Category>();
  const refresh = useInvalidate(trpc.category.list.queryKey(), trpc.category.usage.queryKey());
  const update = useMutation(trpc.category.update.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.category.delete.mutationOptions({ onSuccess: dialogs.deleted(refresh) }));

  const rows = useTicketCounts(list.data, usage.data, 'id', 'categoryId');

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
    ],
    [],
  );

  return (
    <TicketConfigTable
      queries={[list, usage]}
      rows={rows}
      loadingLabel="Loading categories"
      empty={{ title: 'No categories yet', description: 'Add one above; customers pick it when they write in.' }}
      noun="category"
      caption="Ticket categories"
      columns={columns}
      notices={update.error ? <ErrorAlert error={update.error} /> : null}
      dialogs={dialogs}
      editForm={(category, edit) => (
        <CategoryForm
          initial={{
            name: category.name,
            description: category.description,
            color: category.color,
            icon: category.icon,
          }}
          submitLabel="Save category"
          {...edit}
        />
      )}
      update={update}
      remove={remove}
      idKey="categoryId"
      clearLabel="Leave them without a category"
      confirmLabel="Delete category"
    />
  );
}

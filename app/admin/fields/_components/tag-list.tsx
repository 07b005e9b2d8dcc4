'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/card';
import { DataTable } from '@/components/ui/data-table';
import { ErrorAlert } from '@/components/ui/error-alert';
import { RemoveInUseDialog } from '@/components/ui/remove-in-use-dialog';
import { SkeletonList } from '@/components/ui/skeleton';
import { useTRPC } from '@/lib/trpc/client';

type Row = { tag: string; tickets: number };
const column = createColumnHelper<Row>();

/** The tags in use with their ticket counts; one can be merged into another or removed from every ticket. */
export function TagList() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const tags = useQuery(trpc.tag.list.queryOptions());
  const [removing, setRemoving] = useState<Row | null>(null);
  const remove = useMutation(
    trpc.tag.delete.mutationOptions({
      onSuccess: async () => {
        setRemoving(null);
        await queryClient.invalidateQueries({ queryKey: trpc.tag.list.queryKey() });
      },
    }),
  );
  const columns = useMemo(
    () => [
      column.accessor('tag', {
        header: 'Tag',
        cell: ({ getValue }) => <span className="font-medium">{getValue()}</span>,
      }),
      column.accessor('tickets', {
        header: 'Tickets',
        cell: ({ getValue }) => <span className="tabular-nums">{getValue()}</span>,
      }),
      column.display({
        id: 'actions',
        header: () => <span className="sr-only">Actions</span>,
        cell: ({ row }) => (
          <div className="flex justify-end">
            <Button size="sm" variant="ghost" className="text-red-700" onClick={() => setRemoving(row.original)}>
              Merge or remove<span className="sr-only"> {row.original.tag}</span>
            </Button>
          </div>
        ),
      }),
    ],
    [],
  );

  if (tags.isPending) return <SkeletonList rows={3} label="Loading tags" />;
  if (tags.isError) return <ErrorAlert error={tags.error} onRetry={() => tags.refetch()} />;
  if (!tags.data.length)
    return (
      <EmptyState title="No tags in use" description="Tags appear here once agents or rules add them to tickets." />
    );
  return (
    <>
      <DataTable data={tags.data} columns={columns} caption="Tags in use" rowId={(t) => t.tag} />
      <RemoveInUseDialog
        key={removing?.tag ?? 'none'}
        open={removing !== null}
        onOpenChange={(open) => {
          if (!open) {
            setRemoving(null);
            remove.reset();
          }
        }}
        title={`Merge or remove “${removing?.tag ?? ''}”`}
        noun="tag"
        count={removing?.tickets ?? 0}
        replacements={tags.data.filter((t) => t.tag !== removing?.tag).map((t) => ({ value: t.tag, label: t.tag }))}
        clearLabel="Remove the tag from them"
        confirmLabel="Apply to tickets"
        pending={remove.isPending}
        error={remove.error}
        onConfirm={(choice) =>
          removing &&
          remove.mutate({
            tag: removing.tag,
            tickets: choice.action === 'reassign' ? { action: 'reassign', tag: choice.value } : choice,
          })
        }
      />
    </>
  );
}

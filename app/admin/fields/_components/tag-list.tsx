'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { DataTable } from '@/components/ui/data-table';
import { actionsColumn, RowAction } from '@/components/ui/row-actions';
import { useTRPC } from '@/lib/trpc/client';
import { DeleteInUseDialog } from '../../_components/delete-in-use-dialog';
import { ListStates } from '../../_components/list-states';

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
      actionsColumn<Row>((row) => (
        <RowAction name={row.tag} className="text-red-700" onClick={() => setRemoving(row)}>
          Merge or remove
        </RowAction>
      )),
    ],
    [],
  );

  return (
    <ListStates
      queries={[tags]}
      loading={{ rows: 3, label: 'Loading tags' }}
      isEmpty={!tags.data?.length}
      empty={{ title: 'No tags in use', description: 'Tags appear here once agents or rules add them to tickets.' }}
    >
      {() => (
        <>
          <DataTable data={tags.data ?? []} columns={columns} caption="Tags in use" rowId={(t) => t.tag} />
          <DeleteInUseDialog
            item={removing}
            rows={tags.data ?? []}
            rowId={(t) => t.tag}
            rowLabel={(t) => t.tag}
            onClose={() => setRemoving(null)}
            mutation={remove}
            title={`Merge or remove “${removing?.tag ?? ''}”`}
            noun="tag"
            clearLabel="Remove the tag from them"
            confirmLabel="Apply to tickets"
            onConfirm={(row, choice) =>
              remove.mutate({
                tag: row.tag,
                tickets: choice.action === 'reassign' ? { action: 'reassign', tag: choice.value } : choice,
              })
            }
          />
        </>
      )}
    </ListStates>
  );
}

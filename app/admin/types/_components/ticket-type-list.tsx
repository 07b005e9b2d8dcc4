'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { ArrowDown, ArrowUp } from 'lucide-react';
import { useMemo, useState } from 'react';
import type { TicketTypeRow } from '@/components/ticket/types';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { DataTable } from '@/components/ui/data-table';
import { EditDialog } from '@/components/ui/edit-dialog';
import { ErrorAlert } from '@/components/ui/error-alert';
import { actionsColumn } from '@/components/ui/row-actions';
import { useTRPC } from '@/lib/trpc/client';
import { DeleteInUseDialog } from '../../_components/delete-in-use-dialog';
import { ListStates } from '../../_components/list-states';
import { EditArchiveDeleteActions } from '../../_components/row-actions';
import { TicketTypeForm } from './ticket-type-form';

type TicketType = TicketTypeRow & { tickets: number };
const column = createColumnHelper<TicketType>();

/**
 * The workspace's ticket types in the order agents see them, with their ticket counts: rename, reorder,
 * archive, delete.
 */
export function TicketTypeList() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const listKey = trpc.ticketType.list.queryKey();
  const list = useQuery(trpc.ticketType.list.queryOptions());
  const usage = useQuery(trpc.ticketType.usage.queryOptions());
  const [editing, setEditing] = useState<TicketType | null>(null);
  const [deleting, setDeleting] = useState<TicketType | null>(null);
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: listKey }),
      queryClient.invalidateQueries({ queryKey: trpc.ticketType.usage.queryKey() }),
    ]);
  const update = useMutation(trpc.ticketType.update.mutationOptions({ onSuccess: refresh }));
  const reorder = useMutation(
    trpc.ticketType.reorder.mutationOptions({ onSuccess: (data) => queryClient.setQueryData(listKey, data) }),
  );
  const remove = useMutation(
    trpc.ticketType.delete.mutationOptions({
      onSuccess: async () => {
        setDeleting(null);
        await refresh();
      },
    }),
  );

  const rows = useMemo<TicketType[]>(() => {
    const counts = new Map((usage.data ?? []).map((u) => [u.type, u.tickets]));
    return (list.data ?? []).map((t) => ({ ...t, tickets: counts.get(t.key) ?? 0 }));
  }, [list.data, usage.data]);

  const move = (index: number, to: number) => {
    const ids = rows.map((t) => t.id);
    const [id] = ids.splice(index, 1);
    ids.splice(to, 0, id!);
    reorder.mutate({ typeIds: ids });
  };
  // Not wrapped in useMemo: the React Compiler memoizes it (the cells close over the list's state setters).
  const columns = [
    column.display({
      id: 'order',
      header: () => <span className="sr-only">Order</span>,
      cell: ({ row }) => (
        <div className="flex gap-0.5">
          <Button
            variant="ghost"
            size="icon"
            aria-label={`Move ${row.original.name} up`}
            disabled={row.index === 0 || reorder.isPending}
            onClick={() => move(row.index, row.index - 1)}
          >
            <ArrowUp className="size-4" aria-hidden />
          </Button>
          <Button
            variant="ghost"
            size="icon"
            aria-label={`Move ${row.original.name} down`}
            disabled={row.index === rows.length - 1 || reorder.isPending}
            onClick={() => move(row.index, row.index + 1)}
          >
            <ArrowDown className="size-4" aria-hidden />
          </Button>
        </div>
      ),
    }),
    column.accessor('name', {
      header: 'Type',
      cell: ({ row }) => (
        <span className="flex flex-wrap items-center gap-2">
          <span className="font-medium text-slate-900">{row.original.name}</span>
          <code className="text-xs text-slate-500">{row.original.key}</code>
          {row.original.archivedAt ? <Badge tone="neutral">Archived</Badge> : null}
        </span>
      ),
    }),
    column.accessor('tickets', {
      header: 'Tickets',
      cell: ({ getValue }) => <span className="tabular-nums">{getValue()}</span>,
    }),
    actionsColumn<TicketType>((type) => (
      <EditArchiveDeleteActions
        name={type.name}
        archived={Boolean(type.archivedAt)}
        editLabel="Rename"
        onEdit={() => setEditing(type)}
        onArchive={(archived) => update.mutate({ typeId: type.id, archived })}
        archivePending={update.isPending}
        onDelete={() => setDeleting(type)}
      />
    )),
  ];

  return (
    <ListStates
      queries={[list, usage]}
      loading={{ rows: 4, label: 'Loading ticket types' }}
      isEmpty={!rows.length}
      empty={{ title: 'No ticket types yet', description: 'Add one above; agents set it on tickets.' }}
    >
      {() => (
        <>
          {update.error && !editing ? <ErrorAlert error={update.error} /> : null}
          {reorder.error ? <ErrorAlert error={reorder.error} /> : null}
          <p className="mb-2 text-sm text-slate-600">
            Archived types stay on the tickets that have them but are no longer offered for new ones.
          </p>
          <DataTable data={rows} columns={columns} caption="Ticket types" rowId={(t) => t.id} />
          <EditDialog
            item={editing}
            title={`Rename ${editing?.name ?? 'ticket type'}`}
            onClose={() => {
              setEditing(null);
              update.reset();
            }}
          >
            {(type) => (
              <TicketTypeForm
                initial={{ name: type.name }}
                submitLabel="Save name"
                hint={`Tickets, rules and filters keep the key "${type.key}", so nothing else changes.`}
                pending={update.isPending}
                error={update.error}
                onSubmit={(values) =>
                  update.mutate({ typeId: type.id, ...values }, { onSuccess: () => setEditing(null) })
                }
              />
            )}
          </EditDialog>
          <DeleteInUseDialog
            item={deleting}
            rows={rows}
            rowId={(t) => t.id}
            rowLabel={(t) => t.name}
            offered={(t) => !t.archivedAt}
            onClose={() => setDeleting(null)}
            mutation={remove}
            title={`Delete ${deleting?.name ?? 'ticket type'}`}
            noun="ticket type"
            clearLabel="Leave them without a type"
            confirmLabel="Delete type"
            onConfirm={(type, choice) =>
              remove.mutate({
                typeId: type.id,
                tickets: choice.action === 'reassign' ? { action: 'reassign', typeId: choice.value } : choice,
              })
            }
          />
        </>
      )}
    </ListStates>
  );
}

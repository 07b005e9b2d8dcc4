'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import type { TicketTypeRow } from '@/components/ticket/types';
import { Badge } from '@/components/ui/badge';
import { ErrorAlert } from '@/components/ui/error-alert';
import { useTRPC } from '@/lib/trpc/client';
import { useInvalidate } from '@/lib/trpc/use-invalidate';
import { TicketConfigTable, useRowDialogs, useTicketCounts } from '../../_components/ticket-config-list';
import { TicketTypeForm } from './ticket-type-form';
import { MoveButtons } from '@/components/ui/move-buttons';

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
  const dialogs = useRowDialogs<TicketType>();
  const refresh = useInvalidate(listKey, trpc.ticketType.usage.queryKey());
  const update = useMutation(trpc.ticketType.update.mutationOptions({ onSuccess: refresh }));
  const reorder = useMutation(
    trpc.ticketType.reorder.mutationOptions({ onSuccess: (data) => queryClient.setQueryData(listKey, data) }),
  );
  const remove = useMutation(trpc.ticketType.delete.mutationOptions({ onSuccess: dialogs.deleted(refresh) }));

  const rows = useTicketCounts(list.data, usage.data, 'key', 'type');

  const order = rows.map((t) => t.id);
  // Not wrapped in useMemo: the React Compiler memoizes it (the cells close over the list's state).
  const columns = [
    column.display({
      id: 'order',
      header: () => <span className="sr-only">Order</span>,
      cell: ({ row }) => (
        <MoveButtons
          name={row.original.name}
          order={order}
          index={row.index}
          disabled={reorder.isPending}
          onReorder={(typeIds) => reorder.mutate({ typeIds })}
        />
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
  ];

  return (
    <TicketConfigTable
      queries={[list, usage]}
      rows={rows}
      loadingLabel="Loading ticket types"
      empty={{ title: 'No ticket types yet', description: 'Add one above; agents set it on tickets.' }}
      noun="ticket type"
      caption="Ticket types"
      columns={columns}
      notices={
        <>
          {update.error && !dialogs.editing ? <ErrorAlert error={update.error} /> : null}
          {reorder.error ? <ErrorAlert error={reorder.error} /> : null}
          <p className="mb-2 text-sm text-slate-600">
            Archived types stay on the tickets that have them but are no longer offered for new ones.
          </p>
        </>
      }
      dialogs={dialogs}
      editLabel="Rename"
      editForm={(type, edit) => (
        <TicketTypeForm
          initial={{ name: type.name }}
          submitLabel="Save name"
          hint={`Tickets, rules and filters keep the key "${type.key}", so nothing else changes.`}
          {...edit}
        />
      )}
      update={update}
      remove={remove}
      idKey="typeId"
      clearLabel="Leave them without a type"
      confirmLabel="Delete type"
    />
  );
}

'use client';

import type { UseQueryResult } from '@tanstack/react-query';
import { createColumnHelper, type ColumnDef } from '@tanstack/react-table';
import { useMemo, useState, type ReactNode } from 'react';
import { DataTable } from '@/components/ui/data-table';
import { EditDialog } from '@/components/ui/edit-dialog';
import { actionsColumn } from '@/components/ui/row-actions';
import { DeleteInUseDialog } from './delete-in-use-dialog';
import { ListStates } from './list-states';
import { EditArchiveDeleteActions } from './row-actions';

/** A value tickets are sorted by (a category, a type): named, archivable, counted on tickets. */
export type TicketConfigRow = { id: string; name: string; archivedAt: unknown; tickets: number };

/**
 * Each item of `items` with the number of tickets that use it: the usage row whose `usageKey` equals the
 * item's `itemKey` (none: 0).
 */
export function useTicketCounts<T, U extends { tickets: number }>(
  items: readonly T[] | undefined,
  usage: readonly U[] | undefined,
  itemKey: keyof T,
  usageKey: keyof U,
): (T & { tickets: number })[] {
  return useMemo(() => {
    const counts = new Map((usage ?? []).map((row) => [row[usageKey], row.tickets] as const));
    return (items ?? []).map((item) => ({ ...item, tickets: counts.get(item[itemKey] as never) ?? 0 }));
  }, [items, usage, itemKey, usageKey]);
}

const ticketsColumn = createColumnHelper<TicketConfigRow>().accessor('tickets', {
  header: 'Tickets',
  cell: ({ getValue }) => <span className="tabular-nums">{getValue()}</span>,
});

/**
 * Which row a ticket-config list is editing and which it is deleting. The list holds them (not
 * TicketConfigTable) so its delete mutation can close the dialog as soon as it succeeds: `deleted(refresh)`
 * is that mutation's onSuccess, closing the dialog, then refreshing the list.
 */
export function useRowDialogs<T>() {
  const [editing, setEditing] = useState<T | null>(null);
  const [deleting, setDeleting] = useState<T | null>(null);
  const deleted = (refresh: () => Promise<unknown>) => async () => {
    setDeleting(null);
    await refresh();
  };
  return { editing, setEditing, deleting, setDeleting, deleted };
}

/** What the table needs of a TanStack `useMutation` result. */
type RowMutation<V> = {
  mutate: (variables: V, options?: { onSuccess?: () => void }) => void;
  isPending: boolean;
  error: unknown;
  reset: () => void;
};

/** Where a deleted row's tickets go, as the delete procedures take it: to another row, or nowhere. */
type TicketsChoice<K extends string> = ({ action: 'reassign' } & Record<K, string>) | { action: 'clear' };

/** The edit form's props: the update's state, and a submit that saves and closes the dialog. */
export type EditFormProps<V> = { pending: boolean; error: unknown; onSubmit: (values: V) => void };

/**
 * The table of a ticket-config list (categories, types) once its list and usage queries answered: the
 * caller's columns, the ticket count, then Edit (or Rename), Archive/Restore and Delete on each row;
 * editing in a dialog whose form `editForm` renders; deleting one in use asks where its tickets go
 * (another active row, or none). `notices` go above the table.
 */
export function TicketConfigTable<
  T extends TicketConfigRow,
  K extends string,
  U extends Record<K, string> & { archived?: boolean },
>({
  queries,
  rows,
  loadingLabel,
  empty,
  noun,
  caption,
  columns,
  notices,
  dialogs,
  editLabel = 'Edit',
  editForm,
  update,
  remove,
  idKey,
  clearLabel,
  confirmLabel,
}: {
  queries: readonly UseQueryResult<unknown, unknown>[];
  rows: T[];
  loadingLabel: string;
  empty: { title: string; description: string };
  /** What a row is, for the dialogs' fallback titles and sentences: "category", "ticket type". */
  noun: string;
  caption: string;
  // TanStack's column values are heterogeneous by design; `any` is its documented type here.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  columns: ColumnDef<T, any>[];
  notices?: ReactNode;
  dialogs: ReturnType<typeof useRowDialogs<T>>;
  editLabel?: string;
  editForm: (row: T, props: EditFormProps<Omit<U, K>>) => ReactNode;
  /** Takes the edit form's values, and `{ archived }` from Archive/Restore. */
  update: RowMutation<U>;
  remove: RowMutation<Record<K, string> & { tickets: TicketsChoice<K> }>;
  /** The name of the row's id in the update and delete inputs, e.g. "categoryId". */
  idKey: K;
  clearLabel: string;
  confirmLabel: string;
}) {
  const { editing, setEditing, deleting, setDeleting } = dialogs;
  // The inputs name the row by `idKey`, which TypeScript cannot follow into a computed property; the
  // update's other fields are optional, so the id with the form's values or `archived` is one of its inputs.
  const named = (id: string) => ({ [idKey]: id }) as Record<K, string>;
  return (
    <ListStates queries={queries} loading={{ rows: 4, label: loadingLabel }} isEmpty={!rows.length} empty={empty}>
      {() => (
        <>
          {notices}
          <DataTable
            data={rows}
            columns={[
              ...columns,
              ticketsColumn as ColumnDef<T, number>,
              actionsColumn<T>((row) => (
                <EditArchiveDeleteActions
                  name={row.name}
                  archived={Boolean(row.archivedAt)}
                  editLabel={editLabel}
                  onEdit={() => setEditing(row)}
                  onArchive={(archived) => update.mutate({ ...named(row.id), archived } as U)}
                  archivePending={update.isPending}
                  onDelete={() => setDeleting(row)}
                />
              )),
            ]}
            caption={caption}
            rowId={(row) => row.id}
          />
          <EditDialog
            item={editing}
            title={`${editLabel} ${editing?.name ?? noun}`}
            onClose={() => {
              setEditing(null);
              update.reset();
            }}
          >
            {(row) =>
              editForm(row, {
                pending: update.isPending,
                error: update.error,
                onSubmit: (values) =>
                  update.mutate({ ...named(row.id), ...values } as U, { onSuccess: () => setEditing(null) }),
              })
            }
          </EditDialog>
          <DeleteInUseDialog
            item={deleting}
            rows={rows}
            rowId={(row) => row.id}
            rowLabel={(row) => row.name}
            offered={(row) => !row.archivedAt}
            onClose={() => setDeleting(null)}
            mutation={remove}
            title={`Delete ${deleting?.name ?? noun}`}
            noun={noun}
            clearLabel={clearLabel}
            confirmLabel={confirmLabel}
            onConfirm={(row, choice) =>
              remove.mutate({
                ...named(row.id),
                tickets: choice.action === 'reassign' ? { action: 'reassign', ...named(choice.value) } : choice,
              })
            }
          />
        </>
      )}
    </ListStates>
  );
}

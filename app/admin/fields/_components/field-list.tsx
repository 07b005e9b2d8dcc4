'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import type { FieldRow } from '@/components/ticket/types';
import { Badge } from '@/components/ui/badge';
import { DataTable } from '@/components/ui/data-table';
import { ErrorAlert } from '@/components/ui/error-alert';
import { EditDialog } from '@/components/ui/edit-dialog';
import { actionsColumn, RowAction } from '@/components/ui/row-actions';
import { useTRPC } from '@/lib/trpc/client';
import { ListStates } from '../../_components/list-states';
import { ConfirmDeleteAction } from '../../_components/row-actions';
import { EditField } from './edit-field';

type Row = FieldRow & { tickets: number };
const column = createColumnHelper<Row>();

/**
 * Custom fields with how many tickets hold a value; required-on-solve is a toggle, editing asks where the
 * tickets of a removed option go, deletion says what it clears.
 */
export function FieldList() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const fields = useQuery(trpc.ticketField.list.queryOptions());
  const usage = useQuery(trpc.ticketField.usage.queryOptions());
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.ticketField.list.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.ticketField.usage.queryKey() }),
    ]);
  const update = useMutation(trpc.ticketField.update.mutationOptions({ onSuccess: refresh }));
  const archive = useMutation(trpc.ticketField.archive.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.ticketField.delete.mutationOptions({ onSuccess: refresh }));
  const [editing, setEditing] = useState<Row | null>(null);
  // A refusal may come from tickets that took a removed option meanwhile: fresh counts let the form ask again.
  const save = useMutation(
    trpc.ticketField.update.mutationOptions({
      onSuccess: async () => {
        setEditing(null);
        await refresh();
      },
      onError: () => refresh(),
    }),
  );
  const closeEditor = () => {
    setEditing(null);
    save.reset();
  };
  const ticketsPerOption = useMemo(
    () =>
      new Map(
        (usage.data ?? []).filter((u) => u.key === editing?.key && u.value !== null).map((u) => [u.value!, u.tickets]),
      ),
    [usage.data, editing],
  );

  const rows = useMemo<Row[]>(() => {
    const counts = new Map<string, number>();
    for (const u of usage.data ?? []) counts.set(u.key, (counts.get(u.key) ?? 0) + u.tickets);
    return (fields.data ?? []).map((f) => ({ ...f, tickets: counts.get(f.key) ?? 0 }));
  }, [fields.data, usage.data]);

  const columns = useMemo(
    () => [
      column.accessor('label', {
        header: 'Field',
        cell: ({ row }) => (
          <span className="block">
            <span className="font-medium text-slate-900">{row.original.label}</span>{' '}
            {row.original.archivedAt ? <Badge>Archived</Badge> : null}
            <span className="block text-xs text-slate-500">
              {row.original.key} · {row.original.type}
              {row.original.options.length ? ` · ${row.original.options.map((o) => o.label).join(', ')}` : ''}
            </span>
          </span>
        ),
      }),
      column.accessor('tickets', {
        header: 'Tickets',
        cell: ({ getValue }) => <span className="tabular-nums">{getValue()}</span>,
      }),
      column.accessor('requiredOnSolve', {
        header: 'Required before solving',
        cell: ({ row }) => (
          <input
            type="checkbox"
            aria-label={`${row.original.label} required before solving`}
            checked={row.original.requiredOnSolve}
            disabled={update.isPending || Boolean(row.original.archivedAt)}
            onChange={(e) => update.mutate({ fieldId: row.original.id, requiredOnSolve: e.target.checked })}
          />
        ),
      }),
      actionsColumn<Row>((field) => (
        <>
          {field.archivedAt ? null : (
            <>
              <RowAction name={field.label} onClick={() => setEditing(field)}>
                Edit
              </RowAction>
              <RowAction
                name={field.label}
                disabled={archive.isPending}
                onClick={() => archive.mutate({ fieldId: field.id })}
              >
                Archive
              </RowAction>
            </>
          )}
          <ConfirmDeleteAction
            name={field.label}
            mutation={remove}
            variables={{ fieldId: field.id }}
            title={`Delete ${field.label}?`}
            description={
              field.tickets
                ? `${field.tickets} ticket(s) hold a value in this field. Deleting it clears the value from each of them, recorded in their activity. To keep the values, archive the field instead.`
                : 'No ticket holds a value in this field.'
            }
            confirmLabel={field.tickets ? `Delete and clear ${field.tickets}` : 'Delete field'}
          />
        </>
      )),
    ],
    [update, archive, remove],
  );

  return (
    <ListStates
      queries={[fields, usage]}
      loading={{ rows: 3, label: 'Loading fields' }}
      isEmpty={!rows.length}
      empty={{ title: 'No custom fields', description: 'Add one above, such as an order number or a plan.' }}
    >
      {() => (
        <div className="space-y-2">
          {update.error ? <ErrorAlert error={update.error} /> : null}
          {archive.error ? <ErrorAlert error={archive.error} /> : null}
          <DataTable data={rows} columns={columns} caption="Custom fields" rowId={(f) => f.id} />
          <EditDialog item={editing} title={`Edit ${editing?.label ?? 'field'}`} onClose={closeEditor}>
            {(field) => (
              <EditField
                key={field.id}
                field={field}
                ticketsPerOption={ticketsPerOption}
                pending={save.isPending}
                error={save.error}
                onCancel={closeEditor}
                onSave={(changes, removedOptions) => save.mutate({ fieldId: field.id, ...changes, removedOptions })}
              />
            )}
          </EditDialog>
        </div>
      )}
    </ListStates>
  );
}

'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import type { MacroRow } from '@/components/ticket/types';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/card';
import { DataTable } from '@/components/ui/data-table';
import { ErrorAlert } from '@/components/ui/error-alert';
import { ModalFrame } from '@/components/ui/modal-frame';
import { actionsColumn, RowAction } from '@/components/ui/row-actions';
import { SkeletonList } from '@/components/ui/skeleton';
import { useTRPC } from '@/lib/trpc/client';
import { ConfirmDeleteAction } from '../../_components/row-actions';
import { MacroEditor } from './macro-editor';

const column = createColumnHelper<MacroRow>();

/** The macros the admin manages: shared ones and their own personal ones. */
export function MacroList() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const macros = useQuery(trpc.macro.list.queryOptions());
  const teams = useQuery(trpc.team.list.queryOptions());
  // undefined: closed; null: a new macro; a row: editing it.
  const [editing, setEditing] = useState<MacroRow | null | undefined>(undefined);
  const remove = useMutation(
    trpc.macro.delete.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.macro.list.queryKey() }),
    }),
  );
  const teamNames = useMemo(() => new Map((teams.data ?? []).map((t) => [t.id, t.name])), [teams.data]);

  const columns = useMemo(
    () => [
      column.accessor('name', {
        header: 'Macro',
        cell: ({ row }) => (
          <span className="block">
            <span className="font-medium text-slate-900">{row.original.name}</span>
            <span className="block max-w-md truncate text-xs text-slate-500">{row.original.body || '(no text)'}</span>
          </span>
        ),
      }),
      column.accessor('visibility', {
        header: 'Who can use it',
        cell: ({ row }) =>
          row.original.visibility === 'teams' ? (
            <span className="text-sm">
              {row.original.teamIds.map((t) => teamNames.get(t) ?? 'a deleted team').join(', ')}
            </span>
          ) : (
            <Badge>{row.original.visibility === 'personal' ? 'Only the author' : 'Everyone'}</Badge>
          ),
      }),
      column.accessor('kind', {
        header: 'Adds',
        cell: ({ getValue }) => (getValue() === 'note' ? <Badge tone="warning">Note</Badge> : <Badge>Reply</Badge>),
      }),
      actionsColumn<MacroRow>((macro) => (
        <>
          <RowAction name={macro.name} onClick={() => setEditing(macro)}>
            Edit
          </RowAction>
          <ConfirmDeleteAction
            name={macro.name}
            mutation={remove}
            variables={{ macroId: macro.id }}
            title={`Delete ${macro.name}?`}
            description="Agents can no longer apply it. Tickets it changed keep their changes and their history."
            confirmLabel="Delete macro"
          />
        </>
      )),
    ],
    [remove, teamNames],
  );

  return (
    <div className="space-y-3">
      <div className="flex justify-end">
        <Button onClick={() => setEditing(null)}>New macro</Button>
      </div>
      {macros.isPending ? <SkeletonList rows={4} label="Loading macros" /> : null}
      {macros.isError ? <ErrorAlert error={macros.error} onRetry={() => macros.refetch()} /> : null}
      {macros.data && !macros.data.length ? (
        <EmptyState
          title="No macros yet"
          description="A macro fills the reply box with prepared text and can change status, tags or assignment in one step."
        />
      ) : null}
      {macros.data?.length ? (
        <DataTable data={macros.data} columns={columns} caption="Macros" rowId={(m) => m.id} />
      ) : null}
      <ModalFrame
        placement="centre"
        open={editing !== undefined}
        onOpenChange={(open) => !open && setEditing(undefined)}
        title={editing ? `Edit ${editing.name}` : 'New macro'}
        closeLabel="Close"
      >
        {editing !== undefined ? (
          <MacroEditor key={editing?.id ?? 'new'} macro={editing ?? undefined} onDone={() => setEditing(undefined)} />
        ) : null}
      </ModalFrame>
    </div>
  );
}

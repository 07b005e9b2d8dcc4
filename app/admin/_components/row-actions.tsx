'use client';

import type { ComponentProps } from 'react';
import { ConfirmMutationDialog } from '@/components/ui/confirm-dialog';
import { RowAction } from '@/components/ui/row-actions';

/**
 * The actions of a list item that is edited in a dialog, archived rather than lost, and deleted: one
 * button each, named after the item. `editLabel` is the edit's verb ("Edit", or "Rename" where only the
 * name can change); archiving turns into restoring once the item is archived.
 */
export function EditArchiveDeleteActions({
  name,
  archived,
  editLabel = 'Edit',
  onEdit,
  onArchive,
  archivePending,
  onDelete,
}: {
  name: string;
  archived: boolean;
  editLabel?: string;
  onEdit: () => void;
  /** Called with the state to go to: true archives, false restores. */
  onArchive: (archived: boolean) => void;
  archivePending: boolean;
  onDelete: () => void;
}) {
  return (
    <>
      <RowAction name={name} onClick={onEdit}>
        {editLabel}
      </RowAction>
      <RowAction name={name} disabled={archivePending} onClick={() => onArchive(!archived)}>
        {archived ? 'Restore' : 'Archive'}
      </RowAction>
      <RowAction name={name} className="text-red-700" onClick={onDelete}>
        Delete
      </RowAction>
    </>
  );
}

/**
 * Delete on a row, confirmed in a dialog that runs `mutation` with `variables`: for rows whose deletion
 * asks nothing more than "sure?" (the dialog says what it clears).
 */
export function ConfirmDeleteAction<V>({
  name,
  ...dialog
}: Omit<ComponentProps<typeof ConfirmMutationDialog<V>>, 'trigger'> & { name: string }) {
  return (
    <ConfirmMutationDialog
      {...dialog}
      trigger={
        <RowAction name={name} className="text-red-700">
          Delete
        </RowAction>
      }
    />
  );
}

import type { ColumnDef } from '@tanstack/react-table';
import type { ReactNode } from 'react';
import { Button, type ButtonProps } from './button';

/**
 * One action of a table row: a small ghost button whose visible word ("Edit", "Delete") is followed by
 * the row's name for screen readers, so every row's button has its own accessible name ("Delete Returns").
 * Other props go to the button, so it also serves as a dialog's trigger.
 */
export function RowAction({ name, children, ...props }: Omit<ButtonProps, 'size'> & { name: string }) {
  return (
    <Button size="sm" variant="ghost" {...props}>
      {children}
      <span className="sr-only"> {name}</span>
    </Button>
  );
}

/** The last column of an admin table: its header named for screen readers only, the row's actions at the end. */
export function actionsColumn<T>(actions: (row: T) => ReactNode): ColumnDef<T, unknown> {
  return {
    id: 'actions',
    header: () => <span className="sr-only">Actions</span>,
    cell: ({ row }) => <div className="flex justify-end gap-1">{actions(row.original)}</div>,
  };
}

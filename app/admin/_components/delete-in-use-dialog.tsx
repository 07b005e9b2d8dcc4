'use client';

import { RemoveInUseDialog, type RemovalChoice } from '@/components/ui/remove-in-use-dialog';

/**
 * RemoveInUseDialog for one row of an admin list: open while `item` is set, offering the list's other
 * rows (those `offered` keeps, e.g. not archived) as replacements. Closing it forgets the item and the
 * mutation's error, so the next deletion starts clean.
 */
export function DeleteInUseDialog<T extends { tickets: number }>({
  item,
  rows,
  rowId,
  rowLabel,
  offered = () => true,
  onClose,
  mutation,
  onConfirm,
  ...text
}: {
  item: T | null;
  rows: readonly T[];
  rowId: (row: T) => string;
  rowLabel: (row: T) => string;
  offered?: (row: T) => boolean;
  onClose: () => void;
  mutation: { isPending: boolean; error: unknown; reset: () => void };
  onConfirm: (item: T, choice: RemovalChoice) => void;
  title: string;
  noun: string;
  clearLabel: string;
  confirmLabel: string;
}) {
  const id = item ? rowId(item) : undefined;
  return (
    <RemoveInUseDialog
      {...text}
      key={id ?? 'none'}
      open={item !== null}
      onOpenChange={(open) => {
        if (!open) {
          onClose();
          mutation.reset();
        }
      }}
      count={item?.tickets ?? 0}
      replacements={rows
        .filter((row) => rowId(row) !== id && offered(row))
        .map((row) => ({ value: rowId(row), label: rowLabel(row) }))}
      pending={mutation.isPending}
      error={mutation.error}
      onConfirm={(choice) => item && onConfirm(item, choice)}
    />
  );
}

'use client';

import type { ReactNode } from 'react';
import { ModalFrame } from './modal-frame';

/**
 * A centred dialog that edits one item of a list: open while `item` is set; closing it (✕, Escape, a click
 * outside) calls `onClose`, where the list forgets the item and resets its mutation's error.
 */
export function EditDialog<T>({
  item,
  title,
  onClose,
  children,
}: {
  item: T | null;
  title: string;
  onClose: () => void;
  children: (item: T) => ReactNode;
}) {
  return (
    <ModalFrame
      placement="centre"
      open={item !== null}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      title={title}
      closeLabel="Close"
    >
      {item !== null ? children(item) : null}
    </ModalFrame>
  );
}

'use client';

import { Dialog } from 'radix-ui';
import type { ReactNode } from 'react';

/** A panel sliding in from the left, for navigation on small screens. Radix traps focus and closes on Escape. */
export function Sheet({
  open,
  onOpenChange,
  title,
  children,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  children: ReactNode;
}) {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <Dialog.Content className="fixed inset-y-0 left-0 z-50 flex w-72 max-w-[85vw] flex-col bg-white shadow-xl focus:outline-none">
          <div className="flex items-center justify-between border-b border-slate-200 px-4 py-3">
            <Dialog.Title className="text-sm font-semibold text-slate-900">{title}</Dialog.Title>
            <Dialog.Close
              className="rounded-md px-2 py-1 text-sm text-slate-600 hover:bg-slate-100"
              aria-label="Close menu"
            >
              ✕
            </Dialog.Close>
          </div>
          <Dialog.Description className="sr-only">Navigation</Dialog.Description>
          <div className="flex min-h-0 flex-1 flex-col">{children}</div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

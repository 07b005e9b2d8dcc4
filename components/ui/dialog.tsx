'use client';

import { Dialog as Primitive } from 'radix-ui';
import type { ReactNode } from 'react';

/**
 * A centred modal: Radix traps focus, closes on Escape and returns focus to whatever opened it.
 * Controlled only, so keyboard shortcuts can open it without a trigger button.
 */
export function Dialog({
  open,
  onOpenChange,
  title,
  description,
  children,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: string;
  children: ReactNode;
}) {
  return (
    <Primitive.Root open={open} onOpenChange={onOpenChange}>
      <Primitive.Portal>
        <Primitive.Overlay className="fixed inset-0 z-50 bg-slate-900/40" />
        <Primitive.Content className="fixed left-1/2 top-1/2 z-50 max-h-[85vh] w-[calc(100%-2rem)] max-w-lg -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg bg-white p-6 shadow-xl focus:outline-none">
          <div className="flex items-start justify-between gap-4">
            <Primitive.Title className="text-base font-semibold text-slate-900">{title}</Primitive.Title>
            <Primitive.Close
              className="rounded-md px-2 py-1 text-sm text-slate-600 hover:bg-slate-100"
              aria-label="Close"
            >
              ✕
            </Primitive.Close>
          </div>
          {description ? (
            <Primitive.Description className="mt-1 text-sm text-slate-600">{description}</Primitive.Description>
          ) : (
            <Primitive.Description className="sr-only">{title}</Primitive.Description>
          )}
          <div className="mt-4">{children}</div>
        </Primitive.Content>
      </Primitive.Portal>
    </Primitive.Root>
  );
}

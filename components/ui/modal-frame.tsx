'use client';

import { Dialog as Primitive } from 'radix-ui';
import type { ReactNode } from 'react';
import { cn } from '@/lib/utils/cn';

/** Where the panel sits; everything else about a modal is the same. */
const PLACEMENTS = {
  centre: {
    overlay: 'z-50',
    content:
      'left-1/2 top-1/2 max-h-[85vh] w-[calc(100%-2rem)] max-w-lg -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg p-6',
    header: 'items-start gap-4',
    title: 'text-base',
    body: 'mt-4',
  },
  left: {
    overlay: 'z-40',
    content: 'inset-y-0 left-0 flex w-72 max-w-[85vw] flex-col',
    header: 'items-center border-b border-slate-200 px-4 py-3',
    title: 'text-sm',
    body: 'flex min-h-0 flex-1 flex-col',
  },
} as const;

/**
 * The one modal Dialog and Sheet are built on: Radix traps focus, closes on Escape and returns focus to
 * whatever opened it. Controlled only, so keyboard shortcuts can open it without a trigger button.
 * Radix wants a description; without a visible one, `srDescription` (or the title) is read instead.
 */
export function ModalFrame({
  placement,
  open,
  onOpenChange,
  title,
  description,
  srDescription,
  closeLabel,
  children,
}: {
  placement: keyof typeof PLACEMENTS;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: string;
  srDescription?: string;
  closeLabel: string;
  children: ReactNode;
}) {
  const place = PLACEMENTS[placement];
  return (
    <Primitive.Root open={open} onOpenChange={onOpenChange}>
      <Primitive.Portal>
        <Primitive.Overlay className={cn('fixed inset-0 bg-slate-900/40', place.overlay)} />
        <Primitive.Content className={cn('fixed z-50 bg-white shadow-xl focus:outline-none', place.content)}>
          <div className={cn('flex justify-between', place.header)}>
            <Primitive.Title className={cn('font-semibold text-slate-900', place.title)}>{title}</Primitive.Title>
            <Primitive.Close
              className="rounded-md px-2 py-1 text-sm text-slate-600 hover:bg-slate-100"
              aria-label={closeLabel}
            >
              ✕
            </Primitive.Close>
          </div>
          {description ? (
            <Primitive.Description className="mt-1 text-sm text-slate-600">{description}</Primitive.Description>
          ) : (
            <Primitive.Description className="sr-only">{srDescription ?? title}</Primitive.Description>
          )}
          <div className={place.body}>{children}</div>
        </Primitive.Content>
      </Primitive.Portal>
    </Primitive.Root>
  );
}

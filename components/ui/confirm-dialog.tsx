'use client';

import { AlertDialog } from 'radix-ui';
import { useState, type ReactNode } from 'react';
import { describeError } from '@/lib/trpc/errors';
import { Button } from './button';

/**
 * Asks before a destructive action. The dialog stays open while `pending` so a failure can be shown
 * in `error`; the caller closes it on success through `open`/`onOpenChange`.
 */
type ConfirmText = {
  trigger: ReactNode;
  title: string;
  description: ReactNode;
  confirmLabel: string;
};

export function ConfirmDialog({
  trigger,
  title,
  description,
  confirmLabel,
  onConfirm,
  pending = false,
  error,
  open,
  onOpenChange,
}: ConfirmText & {
  onConfirm: () => void;
  pending?: boolean;
  error?: string | null;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
}) {
  return (
    <AlertDialog.Root open={open} onOpenChange={onOpenChange}>
      <AlertDialog.Trigger asChild>{trigger}</AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-50 bg-slate-900/40" />
        <AlertDialog.Content className="fixed left-1/2 top-1/2 z-50 w-[calc(100%-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-6 shadow-xl">
          <AlertDialog.Title className="text-base font-semibold text-slate-900">{title}</AlertDialog.Title>
          <AlertDialog.Description className="mt-2 text-sm text-slate-600">{description}</AlertDialog.Description>
          {error ? (
            <p role="alert" className="mt-3 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
              {error}
            </p>
          ) : null}
          <div className="mt-6 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <AlertDialog.Cancel asChild>
              <Button variant="secondary">Cancel</Button>
            </AlertDialog.Cancel>
            {/* Not AlertDialog.Action: that would close the dialog before the mutation reports back. */}
            <Button variant="danger" onClick={onConfirm} disabled={pending}>
              {pending ? 'Working…' : confirmLabel}
            </Button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}

/** What ConfirmMutationDialog needs of a TanStack `useMutation` result. */
type ConfirmableMutation<V> = {
  mutate: (variables: V, options?: { onSuccess?: () => void }) => void;
  reset: () => void;
  isPending: boolean;
  error: unknown;
};

/**
 * ConfirmDialog for one mutation: confirming runs it with `variables`, success closes the dialog, a
 * failure is shown inside it, and closing forgets that failure so the next try starts clean. The
 * mutation's own onSuccess still does the refetching or navigating.
 */
export function ConfirmMutationDialog<V>({
  mutation,
  variables,
  ...text
}: ConfirmText & { mutation: ConfirmableMutation<V>; variables: V }) {
  const [open, setOpen] = useState(false);
  return (
    <ConfirmDialog
      {...text}
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) mutation.reset();
      }}
      onConfirm={() => mutation.mutate(variables, { onSuccess: () => setOpen(false) })}
      pending={mutation.isPending}
      error={mutation.error ? describeError(mutation.error).message : null}
    />
  );
}

'use client';

import type { ReactNode } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { Alert } from '@/components/ui/card';
import { SendButton } from '@/components/ui/send-button';

/**
 * The props of a form that both creates a list's item and edits one: `initial` when editing; `onSubmit`
 * gets the values and a reset for the create form to clear itself once the item was added.
 */
export type ItemFormProps<V> = {
  initial?: V;
  submitLabel: string;
  onSubmit: (values: V, reset: () => void) => void;
  pending: boolean;
  error: unknown;
};

/**
 * The frame of such a form: the server's message for the whole form above the fields (`children`), the
 * submit button under them, waiting while the save runs.
 */
export function ItemForm<In extends FieldValues, Out>({
  form,
  message,
  submitLabel,
  onSubmit,
  pending,
  children,
}: Omit<ItemFormProps<Out>, 'initial' | 'error'> & {
  form: UseFormReturn<In, unknown, Out>;
  message: string | null;
  children: ReactNode;
}) {
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={form.handleSubmit((values) => onSubmit(values, () => form.reset()))}
    >
      {message ? <Alert>{message}</Alert> : null}
      {children}
      <div className="flex justify-end">
        <SendButton pending={pending} pendingLabel="Saving">
          {submitLabel}
        </SendButton>
      </div>
    </form>
  );
}

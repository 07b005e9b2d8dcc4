'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useId } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { Alert } from '@/components/ui/card';
import { formErrors } from '@/components/ui/form-errors';
import { errorProps, Field, Input } from '@/components/ui/input';
import { SendButton } from '@/components/ui/send-button';
import { createTicketTypeInput } from '@/lib/validators/ticket';

type FormIn = z.input<typeof createTicketTypeInput>;
export type TicketTypeValues = z.output<typeof createTicketTypeInput>;
const FIELDS = ['name'] as const;

/** A ticket type's name; the same form creates and renames (the key is made once, from the first name). */
export function TicketTypeForm({
  initial,
  submitLabel,
  hint,
  onSubmit,
  pending,
  error,
}: {
  initial?: TicketTypeValues;
  submitLabel: string;
  hint?: string;
  onSubmit: (values: TicketTypeValues, reset: () => void) => void;
  pending: boolean;
  error: unknown;
}) {
  const id = useId();
  const form = useForm<FormIn, unknown, TicketTypeValues>({
    resolver: zodResolver(createTicketTypeInput),
    defaultValues: initial ?? { name: '' },
  });
  const server = formErrors(error, FIELDS);
  const nameError = form.formState.errors.name?.message ?? server.fields.name;

  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={form.handleSubmit((values) => onSubmit(values, () => form.reset()))}
    >
      {server.message ? <Alert>{server.message}</Alert> : null}
      <Field id={`${id}-name`} label="Name" hint={hint} error={nameError}>
        <Input
          id={`${id}-name`}
          {...errorProps(`${id}-name`, nameError)}
          placeholder="Feature request"
          {...form.register('name')}
        />
      </Field>
      <div className="flex justify-end">
        <SendButton pending={pending} pendingLabel="Saving">
          {submitLabel}
        </SendButton>
      </div>
    </form>
  );
}

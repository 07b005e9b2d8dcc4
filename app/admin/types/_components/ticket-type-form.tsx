'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useId } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { formErrors } from '@/components/ui/form-errors';
import { errorProps, Field, Input } from '@/components/ui/input';
import { createTicketTypeInput } from '@/lib/validators/ticket';
import { ItemForm, type ItemFormProps } from '../../_components/item-form';

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
}: ItemFormProps<TicketTypeValues> & {
  hint?: string;
}) {
  const id = useId();
  const form = useForm<FormIn, unknown, TicketTypeValues>({
    resolver: zodResolver(createTicketTypeInput),
    defaultValues: initial ?? { name: '' },
  });
  const server = formErrors(error, FIELDS);
  const nameError = form.formState.errors.name?.message ?? server.fields.name;

  return (
    <ItemForm form={form} message={server.message} submitLabel={submitLabel} onSubmit={onSubmit} pending={pending}>
      <Field id={`${id}-name`} label="Name" hint={hint} error={nameError}>
        <Input
          id={`${id}-name`}
          {...errorProps(`${id}-name`, nameError)}
          placeholder="Feature request"
          {...form.register('name')}
        />
      </Field>
    </ItemForm>
  );
}

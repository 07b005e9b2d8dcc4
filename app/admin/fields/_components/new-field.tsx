'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { Button } from '@/components/ui/button';
import { Alert, Card, Spinner } from '@/components/ui/card';
import { formErrors } from '@/components/ui/form-errors';
import { Field, Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { Textarea } from '@/components/ui/textarea';
import { CUSTOM_FIELD_TYPES } from '@/lib/constants/ticket';
import { useTRPC } from '@/lib/trpc/client';
import { createFieldInput } from '@/lib/validators/ticket';
import { optionsFromLines } from './option-lines';

type FormIn = z.input<typeof createFieldInput>;
type FormOut = z.output<typeof createFieldInput>;
const FIELDS = ['key', 'label', 'type', 'options'] as const;
const TYPE_LABELS: Record<(typeof CUSTOM_FIELD_TYPES)[number], string> = {
  text: 'Text',
  number: 'Number',
  select: 'Dropdown',
  date: 'Date',
  checkbox: 'Checkbox',
};

export function NewField() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [optionText, setOptionText] = useState('');
  const form = useForm<FormIn, unknown, FormOut>({
    resolver: zodResolver(createFieldInput),
    defaultValues: { key: '', label: '', type: 'text', options: [], required: false, requiredOnSolve: false },
  });
  const type = useWatch({ control: form.control, name: 'type' });
  const create = useMutation(
    trpc.ticketField.create.mutationOptions({
      onSuccess: async () => {
        form.reset();
        setOptionText('');
        await queryClient.invalidateQueries({ queryKey: trpc.ticketField.list.queryKey() });
      },
    }),
  );
  const server = formErrors(create.error, FIELDS);
  const errorFor = (f: (typeof FIELDS)[number]) => form.formState.errors[f]?.message ?? server.fields[f];

  return (
    <Card>
      <form
        noValidate
        className="space-y-4"
        onSubmit={form.handleSubmit((values) =>
          create.mutate({ ...values, options: values.type === 'select' ? optionsFromLines(optionText) : [] }),
        )}
      >
        {server.message ? <Alert>{server.message}</Alert> : null}
        <div className="grid gap-4 sm:grid-cols-3">
          <Field id={`${id}-label`} label="Label" error={errorFor('label')}>
            <Input id={`${id}-label`} placeholder="Order number" {...form.register('label')} />
          </Field>
          <Field
            id={`${id}-key`}
            label="Key"
            hint="Used by the API and rules; cannot change later."
            error={errorFor('key')}
          >
            <Input id={`${id}-key`} placeholder="order_number" spellCheck={false} {...form.register('key')} />
          </Field>
          <Field id={`${id}-type`} label="Type" error={errorFor('type')}>
            <Select id={`${id}-type`} {...form.register('type')}>
              {CUSTOM_FIELD_TYPES.map((t) => (
                <option key={t} value={t}>
                  {TYPE_LABELS[t]}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        {type === 'select' ? (
          <Field id={`${id}-options`} label="Options" hint="One per line." error={errorFor('options')}>
            <Textarea
              id={`${id}-options`}
              rows={4}
              value={optionText}
              onChange={(e) => setOptionText(e.target.value)}
            />
          </Field>
        ) : null}
        <div className="flex flex-wrap gap-4 text-sm">
          <label className="flex items-center gap-2">
            <input type="checkbox" {...form.register('required')} />
            Required when a ticket is created
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" {...form.register('requiredOnSolve')} />
            Required before solving
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" {...form.register('visibleToCustomers')} />
            Customers see it
          </label>
        </div>
        <div className="flex justify-end">
          <Button type="submit" disabled={create.isPending}>
            {create.isPending ? <Spinner label="Adding" /> : null}
            Add field
          </Button>
        </div>
      </form>
    </Card>
  );
}

'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useId } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { CategoryIcon } from '@/components/ticket/category-icon';
import { formErrors } from '@/components/ui/form-errors';
import { Field, Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { TICKET_CATEGORY_ICONS } from '@/lib/constants/ticket';
import { createCategoryInput } from '@/lib/validators/ticket';
import { ItemForm, type ItemFormProps } from '../../_components/item-form';

type FormIn = z.input<typeof createCategoryInput>;
export type CategoryValues = z.output<typeof createCategoryInput>;
const FIELDS = ['name', 'description', 'color', 'icon'] as const;

/** Name, colour and icon of a ticket category; the same form creates and edits. */
export function CategoryForm({ initial, submitLabel, onSubmit, pending, error }: ItemFormProps<CategoryValues>) {
  const id = useId();
  const form = useForm<FormIn, unknown, CategoryValues>({
    resolver: zodResolver(createCategoryInput),
    defaultValues: initial ?? { name: '', description: '', color: '#0ea5e9', icon: 'inbox' },
  });
  const [color, icon] = useWatch({ control: form.control, name: ['color', 'icon'] });
  const server = formErrors(error, FIELDS);
  const errorFor = (field: (typeof FIELDS)[number]) => form.formState.errors[field]?.message ?? server.fields[field];
  const aria = (field: (typeof FIELDS)[number]) => ({
    id: `${id}-${field}`,
    'aria-invalid': errorFor(field) ? true : undefined,
    'aria-describedby': errorFor(field) ? `${id}-${field}-error` : undefined,
  });

  return (
    <ItemForm form={form} message={server.message} submitLabel={submitLabel} onSubmit={onSubmit} pending={pending}>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={`${id}-name`} label="Name" error={errorFor('name')}>
          <Input {...aria('name')} placeholder="Shipping" {...form.register('name')} />
        </Field>
        <Field id={`${id}-description`} label="Description (optional)" error={errorFor('description')}>
          <Input {...aria('description')} placeholder="Deliveries and returns" {...form.register('description')} />
        </Field>
        <Field id={`${id}-color`} label="Colour" error={errorFor('color')}>
          <div className="flex items-center gap-2">
            <input
              type="color"
              aria-label="Pick a colour"
              className="h-10 w-12 shrink-0 cursor-pointer rounded border border-slate-300"
              value={/^#[0-9a-f]{6}$/i.test(color ?? '') ? color : '#64748b'}
              onChange={(e) => form.setValue('color', e.target.value, { shouldValidate: true })}
            />
            <Input {...aria('color')} spellCheck={false} {...form.register('color')} />
          </div>
        </Field>
        <Field id={`${id}-icon`} label="Icon" error={errorFor('icon')}>
          <div className="flex items-center gap-2">
            <CategoryIcon icon={icon ?? 'inbox'} color={color ?? '#64748b'} className="h-6 w-6 shrink-0" />
            <Select {...aria('icon')} {...form.register('icon')}>
              {TICKET_CATEGORY_ICONS.map((name) => (
                <option key={name} value={name}>
                  {name.replace(/-/g, ' ')}
                </option>
              ))}
            </Select>
          </div>
        </Field>
      </div>
    </ItemForm>
  );
}

'use client';

import { useQuery } from '@tanstack/react-query';
import { Field, Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { SelectOptions } from '@/components/ui/select-field';
import { useTRPC } from '@/lib/trpc/client';
import type { FieldRow } from './types';

type Value = string | number | boolean | null;

/** A checkbox field is edited as a select, so "not set" stays distinct from "no". */
const YES_NO = [
  { value: 'true', label: 'Yes' },
  { value: 'false', label: 'No' },
];

/** The text an input shows for a stored value, and the value to store for what was typed or picked. */
const shown = (value: Value | undefined) => (value === null || value === undefined ? '' : String(value));
function parsed(field: FieldRow, text: string): Value {
  if (text === '') return null;
  if (field.type === 'number') return Number.isFinite(Number(text)) ? Number(text) : text;
  if (field.type === 'checkbox') return text === 'true';
  return text;
}

/**
 * The ticket's custom fields, each saved when it changes (selects) or loses focus (text). Fields required
 * before solving say so, since the pipeline refuses to solve without them.
 */
export function CustomFieldsEditor({
  values,
  disabled,
  onSave,
}: {
  values: Record<string, Value>;
  disabled: boolean;
  onSave: (customFields: Record<string, Value>) => void;
}) {
  const trpc = useTRPC();
  const fields = useQuery(trpc.ticketField.list.queryOptions());
  const active = (fields.data ?? []).filter((f) => !f.archivedAt);
  if (!active.length) return null;

  const save = (field: FieldRow, text: string) => {
    if (text !== shown(values[field.key])) onSave({ [field.key]: parsed(field, text) });
  };

  return (
    <div className="space-y-3 border-t border-slate-200 pt-3">
      {active.map((field) => {
        const id = `ticket-field-${field.key}`;
        const label = field.requiredOnSolve ? `${field.label} (needed to solve)` : field.label;
        return (
          <Field key={field.id} id={id} label={label}>
            {field.type === 'select' || field.type === 'checkbox' ? (
              <Select
                id={id}
                value={shown(values[field.key])}
                disabled={disabled}
                onChange={(e) => save(field, e.target.value)}
              >
                <option value="">Not set</option>
                <SelectOptions options={field.type === 'checkbox' ? YES_NO : field.options} />
              </Select>
            ) : (
              <Input
                // Keyed by the stored value, so a save from elsewhere (a macro) refreshes what is shown.
                key={shown(values[field.key])}
                id={id}
                type={field.type === 'number' ? 'number' : field.type === 'date' ? 'date' : 'text'}
                defaultValue={shown(values[field.key])}
                disabled={disabled}
                onBlur={(e) => save(field, e.target.value)}
              />
            )}
          </Field>
        );
      })}
    </div>
  );
}

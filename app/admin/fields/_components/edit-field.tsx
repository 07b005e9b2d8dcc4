'use client';

import { useId, useState } from 'react';
import type { FieldRow } from '@/components/ticket/types';
import { Button } from '@/components/ui/button';
import { Alert, Spinner } from '@/components/ui/card';
import { formErrors } from '@/components/ui/form-errors';
import { Field, Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import { linesFromOptions, optionsFromLines } from './option-lines';
import { RemovedOptionsQuestion, type RemovedOptionAnswer } from './removed-options-question';

type Option = FieldRow['options'][number];
export type FieldChanges = {
  label: string;
  options?: Option[];
  required: boolean;
  requiredOnSolve: boolean;
  visibleToCustomers: boolean;
};

const FIELDS = ['label', 'options'] as const;

/**
 * Edits a field's label, options and rules (its key and type never change). Saving a dropdown that drops
 * options tickets hold first asks where those tickets go, in the same dialog; Back returns to the edits.
 */
export function EditField({
  field,
  ticketsPerOption,
  pending,
  error,
  onSave,
  onCancel,
}: {
  field: FieldRow;
  /** Tickets holding each option value, from the usage figures. */
  ticketsPerOption: Map<string, number>;
  pending: boolean;
  error: unknown;
  onSave: (changes: FieldChanges, removedOptions?: RemovedOptionAnswer[]) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const [label, setLabel] = useState(field.label);
  const [optionText, setOptionText] = useState(linesFromOptions(field.options));
  const [rules, setRules] = useState({
    required: field.required,
    requiredOnSolve: field.requiredOnSolve,
    visibleToCustomers: field.visibleToCustomers,
  });
  const [asking, setAsking] = useState(false);
  const isSelect = field.type === 'select';
  const options = isSelect ? optionsFromLines(optionText, field.options) : undefined;
  const changes: FieldChanges = { label, options, ...rules };
  const inUse = field.options
    .filter((o) => !options?.some((k) => k.value === o.value))
    .map((o) => ({ ...o, tickets: ticketsPerOption.get(o.value) ?? 0 }))
    .filter((o) => o.tickets > 0);

  if (asking && inUse.length)
    return (
      <RemovedOptionsQuestion
        inUse={inUse}
        kept={options ?? []}
        pending={pending}
        error={error}
        onBack={() => setAsking(false)}
        onConfirm={(answers) => onSave(changes, answers)}
      />
    );

  const server = formErrors(error, FIELDS);
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        if (inUse.length) setAsking(true);
        else onSave(changes);
      }}
    >
      {server.message ? <Alert>{server.message}</Alert> : null}
      <Field id={`${id}-label`} label="Label" error={server.fields.label}>
        <Input id={`${id}-label`} value={label} onChange={(e) => setLabel(e.target.value)} />
      </Field>
      <p className="text-xs text-slate-500">
        Key {field.key} · {field.type}. The key and type stay: tickets store values under them.
      </p>
      {isSelect ? (
        <Field
          id={`${id}-options`}
          label="Options"
          hint="One per line. Removing one that tickets hold asks where those tickets go."
          error={server.fields.options}
        >
          <Textarea id={`${id}-options`} rows={5} value={optionText} onChange={(e) => setOptionText(e.target.value)} />
        </Field>
      ) : null}
      <div className="flex flex-col gap-2 text-sm">
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            checked={rules.required}
            onChange={(e) => setRules((r) => ({ ...r, required: e.target.checked }))}
          />
          Required when a ticket is created
        </label>
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            checked={rules.requiredOnSolve}
            onChange={(e) => setRules((r) => ({ ...r, requiredOnSolve: e.target.checked }))}
          />
          Required before solving
        </label>
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            checked={rules.visibleToCustomers}
            onChange={(e) => setRules((r) => ({ ...r, visibleToCustomers: e.target.checked }))}
          />
          Customers see it
        </label>
      </div>
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button type="button" variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" disabled={pending}>
          {pending ? <Spinner label="Saving" /> : null}
          {inUse.length ? 'Save…' : 'Save field'}
        </Button>
      </div>
    </form>
  );
}

'use client';

import { useId, useState } from 'react';
import type { FieldRow } from '@/components/ticket/types';
import { Button } from '@/components/ui/button';
import { Alert, Spinner } from '@/components/ui/card';
import { SelectField } from '@/components/ui/select-field';
import { describeError } from '@/lib/trpc/errors';

type Option = FieldRow['options'][number];
export type OptionInUse = Option & { tickets: number };
export type RemovedOptionAnswer = {
  value: string;
  tickets: { action: 'reassign'; value: string } | { action: 'clear' };
};

// A select's value for "clear": option values are never empty and never start with a space.
const CLEAR = ' clear';

/**
 * Asks, for each option being removed that tickets hold, where those tickets go: another option the field
 * keeps, or no value. Nothing is chosen for the admin; saving waits until every option has an answer.
 */
export function RemovedOptionsQuestion({
  inUse,
  kept,
  pending,
  error,
  onBack,
  onConfirm,
}: {
  inUse: OptionInUse[];
  kept: Option[];
  pending: boolean;
  error: unknown;
  onBack: () => void;
  onConfirm: (answers: RemovedOptionAnswer[]) => void;
}) {
  const id = useId();
  const [choices, setChoices] = useState<Record<string, string>>({});
  const ready = inUse.every((o) => choices[o.value]);
  const answers = inUse.map<RemovedOptionAnswer>((o) => ({
    value: o.value,
    tickets: choices[o.value] === CLEAR ? { action: 'clear' } : { action: 'reassign', value: choices[o.value]! },
  }));
  const total = inUse.reduce((n, o) => n + o.tickets, 0);

  return (
    <form
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        if (ready) onConfirm(answers);
      }}
    >
      <p className="text-sm text-slate-600">
        Tickets hold {inUse.length === 1 ? 'an option' : 'options'} you removed. Choose what happens to them; each
        ticket&apos;s activity will say so.
      </p>
      <ul className="space-y-3">
        {inUse.map((option, index) => (
          <li key={option.value}>
            <SelectField
              id={`${id}-${index}`}
              label={`${option.label}: ${option.tickets} ${option.tickets === 1 ? 'ticket' : 'tickets'}`}
              value={choices[option.value] ?? ''}
              onValueChange={(value) => setChoices((c) => ({ ...c, [option.value]: value }))}
              options={[
                { value: '', label: 'Choose…' },
                ...kept.map((k) => ({ value: k.value, label: `Move to ${k.label}` })),
                { value: CLEAR, label: 'Clear the value' },
              ]}
            />
          </li>
        ))}
      </ul>
      {error ? <Alert>{describeError(error).message}</Alert> : null}
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button type="button" variant="secondary" onClick={onBack} disabled={pending}>
          Back
        </Button>
        <Button type="submit" variant="danger" disabled={!ready || pending}>
          {pending ? <Spinner label="Saving" /> : null}
          Save and change {total} {total === 1 ? 'ticket' : 'tickets'}
        </Button>
      </div>
    </form>
  );
}

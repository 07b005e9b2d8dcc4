'use client';

import { useId, useState } from 'react';
import { describeError } from '@/lib/trpc/errors';
import { Button } from './button';
import { Alert } from './card';
import { ModalFrame } from './modal-frame';
import { Select } from './select';
import { SelectOptions, type SelectOption } from './select-field';

export type RemovalChoice = { action: 'reassign'; value: string } | { action: 'clear' };

/**
 * Removing a value that tickets still use (a category, a tag): says how many tickets use it and asks what
 * happens to them, moved to another value or cleared. Nothing is chosen for the admin: with tickets in
 * use, the confirm button waits until they pick. Unused values go straight to a plain confirmation.
 */
export function RemoveInUseDialog({
  open,
  onOpenChange,
  title,
  noun,
  count,
  replacements,
  clearLabel,
  confirmLabel,
  onConfirm,
  pending,
  error,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  /** What is removed, for the sentences: "category", "tag". */
  noun: string;
  count: number;
  replacements: SelectOption[];
  clearLabel: string;
  confirmLabel: string;
  onConfirm: (choice: RemovalChoice) => void;
  pending: boolean;
  error: unknown;
}) {
  const id = useId();
  const [action, setAction] = useState<'reassign' | 'clear' | ''>('');
  const [value, setValue] = useState('');
  const ready = count === 0 || action === 'clear' || (action === 'reassign' && value !== '');
  const choice: RemovalChoice = action === 'reassign' ? { action, value } : { action: 'clear' };
  /** The two choices are one radio group: same name, checked by the action they stand for. */
  const radio = (option: 'reassign' | 'clear') => ({
    type: 'radio',
    name: `${id}-action`,
    checked: action === option,
    onChange: () => setAction(option),
  });

  return (
    <ModalFrame
      placement="centre"
      open={open}
      onOpenChange={(next) => {
        if (!next) {
          setAction('');
          setValue('');
        }
        onOpenChange(next);
      }}
      title={title}
      closeLabel="Cancel"
      description={
        count === 0
          ? `No ticket uses this ${noun}.`
          : `${count} ${count === 1 ? 'ticket uses' : 'tickets use'} this ${noun}. Choose what happens to ${count === 1 ? 'it' : 'them'}; each ticket's activity will say so.`
      }
    >
      <form
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          if (ready) onConfirm(choice);
        }}
      >
        {count > 0 ? (
          <fieldset className="space-y-3">
            <legend className="sr-only">What happens to the tickets</legend>
            <label className="flex items-start gap-2 text-sm">
              <input {...radio('reassign')} disabled={!replacements.length} className="mt-1" />
              <span className="min-w-0 flex-1 space-y-2">
                <span className="block">Move them to another {noun}</span>
                <Select
                  aria-label={`Replacement ${noun}`}
                  value={value}
                  onChange={(e) => {
                    setValue(e.target.value);
                    setAction('reassign');
                  }}
                  disabled={!replacements.length}
                >
                  <option value="">{replacements.length ? `Choose a ${noun}…` : `No other ${noun} to move to`}</option>
                  <SelectOptions options={replacements} />
                </Select>
              </span>
            </label>
            <label className="flex items-center gap-2 text-sm">
              <input {...radio('clear')} />
              {clearLabel}
            </label>
          </fieldset>
        ) : null}
        {error ? <Alert>{describeError(error).message}</Alert> : null}
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button type="button" variant="secondary" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button type="submit" variant="danger" disabled={!ready || pending}>
            {pending ? 'Working…' : confirmLabel}
          </Button>
        </div>
      </form>
    </ModalFrame>
  );
}

'use client';

import { useState, type ReactNode } from 'react';
import { describeError } from '@/lib/trpc/errors';
import { Button } from './button';
import { Alert } from './card';
import { Field, Input } from './input';

/**
 * "Add a <noun>" under a list of named things: a name (two characters at least), any extra fields
 * (`children`), the button and the server's error. The name clears only once the add succeeded, so a
 * failed add keeps what was typed; `onAdd` takes TanStack's mutate options for that.
 */
export function AddNamedItemForm({
  noun,
  placeholder,
  mutation,
  onAdd,
  children,
}: {
  /** What is added, in lower case: names the field ("New section"), its id and the button ("Add section"). */
  noun: string;
  placeholder: string;
  /** The add's state: the button waits while it runs and its error shows under it. */
  mutation: { isPending: boolean; error: unknown };
  onAdd: (name: string, options: { onSuccess: () => void }) => void;
  children?: ReactNode;
}) {
  const [name, setName] = useState('');
  const id = `new-${noun}`;
  return (
    <form
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        onAdd(name, { onSuccess: () => setName('') });
      }}
    >
      <Field id={id} label={`New ${noun}`}>
        <Input
          id={id}
          value={name}
          maxLength={100}
          onChange={(e) => setName(e.target.value)}
          placeholder={placeholder}
        />
      </Field>
      {children}
      <Button size="sm" type="submit" variant="secondary" disabled={mutation.isPending || name.trim().length < 2}>
        {`Add ${noun}`}
      </Button>
      {mutation.error ? <Alert>{describeError(mutation.error).message}</Alert> : null}
    </form>
  );
}

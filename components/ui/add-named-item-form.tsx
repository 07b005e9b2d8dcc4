'use client';

import { useState, type ReactNode } from 'react';
import { describeError } from '@/lib/trpc/errors';
import { Button } from './button';
import { Alert } from './card';
import { Field, Input } from './input';

/**
 * "Add a …" under a list: a name (two characters at least), any extra fields (`children`), the button and
 * the server's error. The name clears only once the add succeeded, so a failed add keeps what was typed;
 * `onAdd` takes TanStack's mutate options for that.
 */
export function AddNamedItemForm({
  id,
  label,
  placeholder,
  submitLabel,
  pending,
  error,
  onAdd,
  children,
}: {
  id: string;
  label: string;
  placeholder: string;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onAdd: (name: string, options: { onSuccess: () => void }) => void;
  children?: ReactNode;
}) {
  const [name, setName] = useState('');
  return (
    <form
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        onAdd(name, { onSuccess: () => setName('') });
      }}
    >
      <Field id={id} label={label}>
        <Input
          id={id}
          value={name}
          maxLength={100}
          onChange={(e) => setName(e.target.value)}
          placeholder={placeholder}
        />
      </Field>
      {children}
      <Button size="sm" type="submit" variant="secondary" disabled={pending || name.trim().length < 2}>
        {submitLabel}
      </Button>
      {error ? <Alert>{describeError(error).message}</Alert> : null}
    </form>
  );
}

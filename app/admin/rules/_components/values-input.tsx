'use client';

import { useState } from 'react';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import type { Option } from './rule-options';

const split = (text: string) =>
  text
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

/**
 * A condition's values: a select when the field has known choices (one value), else comma-separated text
 * (tags, words, domains). The text is kept as typed so a trailing comma does not vanish mid-word.
 */
export function ValuesInput({
  id,
  label,
  values,
  choices,
  onChange,
}: {
  id: string;
  label: string;
  values: string[];
  choices: Option[] | null;
  onChange: (values: string[]) => void;
}) {
  const [text, setText] = useState(values.join(', '));
  if (choices)
    return (
      <Select
        id={id}
        aria-label={label}
        value={values[0] ?? ''}
        onChange={(e) => onChange(e.target.value ? [e.target.value] : [])}
      >
        <option value="">Choose…</option>
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </Select>
    );
  return (
    <Input
      id={id}
      aria-label={label}
      placeholder="comma, separated, values"
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        onChange(split(e.target.value));
      }}
    />
  );
}

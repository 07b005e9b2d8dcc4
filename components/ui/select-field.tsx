import type { SelectHTMLAttributes } from 'react';
import { Field } from './input';
import { Select } from './select';

export type SelectOption<V extends string = string> = { value: V; label: string };

/** One option per value of an as-const list, in the list's order, named by its label map. */
export function labelledOptions<V extends string>(values: readonly V[], labels: Record<V, string>): SelectOption<V>[] {
  return values.map((value) => ({ value, label: labels[value] }));
}

/** One option per record, valued by its id and named by its name (categories, teams, sections). */
export function namedOptions(items: readonly { id: string; name: string }[]): SelectOption[] {
  return items.map((item) => ({ value: item.id, label: item.name }));
}

/** The `<option>` elements of a list, for a native select that adds its own first option or wiring. */
export function SelectOptions({ options }: { options: readonly SelectOption[] }) {
  return options.map((option) => (
    <option key={option.value} value={option.value}>
      {option.label}
    </option>
  ));
}

/**
 * `value` and `onValueChange` for a SelectField that shows one key of a form's values object and writes
 * back through the form's `set(key, value)`, typed per key, so each form binds its selects one way.
 */
export function boundTo<T extends Record<K, string>, K extends keyof T>(
  values: T,
  set: (key: K, value: T[K]) => void,
  key: K,
) {
  return { value: values[key], onValueChange: (value: T[K]) => set(key, value) };
}

type NativeSelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'value' | 'onChange' | 'children'>;

/**
 * A labelled native select built from a list of options. `V` comes from `value`, so `onValueChange`
 * hands back the caller's own type; the cast is safe because only the listed values can be chosen.
 */
export function SelectField<V extends string>({
  id,
  label,
  value,
  onValueChange,
  options,
  hint,
  error,
  fieldClassName,
  ...selectProps
}: NativeSelectProps & {
  id: string;
  label: string;
  value: V;
  onValueChange: (value: V) => void;
  options: readonly SelectOption<NoInfer<V>>[];
  hint?: string;
  error?: string;
  /** Classes for the wrapper (width, grid span); `className` styles the select itself. */
  fieldClassName?: string;
}) {
  return (
    <Field id={id} label={label} hint={hint} error={error} className={fieldClassName}>
      <Select id={id} value={value} onChange={(e) => onValueChange(e.target.value as V)} {...selectProps}>
        <SelectOptions options={options} />
      </Select>
    </Field>
  );
}

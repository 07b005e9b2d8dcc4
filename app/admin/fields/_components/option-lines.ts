import type { FieldRow } from '@/components/ticket/types';

type CustomFieldOption = FieldRow['options'][number];

const valueOf = (label: string) =>
  label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || label;

/**
 * One option per line; a new option's stored value is the line in lowercase with dashes, its label the line
 * itself. A line naming an existing option (by label, or by the value it would get) keeps that option's
 * value: tickets store values, so relabelling "gold" must not turn it into a removal.
 */
export function optionsFromLines(text: string, existing: CustomFieldOption[] = []): CustomFieldOption[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((label) => {
      const kept = existing.find((o) => o.label === label) ?? existing.find((o) => o.value === valueOf(label));
      return { value: kept?.value ?? valueOf(label), label };
    });
}

export const linesFromOptions = (options: CustomFieldOption[]) => options.map((o) => o.label).join('\n');

import type { SelectOption } from '@/components/ui/select-field';
import type { TicketTypeRow } from './types';

/**
 * The types a ticket may be given, in the admin's order: the active ones, plus `current` while a ticket
 * (or a macro, a rule) still holds an archived or since-deleted one, so the select never shows a blank.
 */
export function ticketTypeOptions(types: readonly TicketTypeRow[], current?: string | null): SelectOption[] {
  const options = types
    .filter((t) => !t.archivedAt || t.key === current)
    .map((t) => ({ value: t.key, label: t.archivedAt ? `${t.name} (archived)` : t.name }));
  if (current && !types.some((t) => t.key === current)) options.push({ value: current, label: `${current} (removed)` });
  return options;
}

/** A type key as a person reads it: its current name, or the key itself once the type is gone. */
export function ticketTypeName(types: readonly TicketTypeRow[], key: string) {
  return types.find((t) => t.key === key)?.name ?? key;
}

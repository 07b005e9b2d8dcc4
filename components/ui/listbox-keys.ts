import type { KeyboardEvent } from 'react';

/**
 * ArrowDown/ArrowUp in a combobox: moves the highlighted option, wrapping at both ends (from none,
 * down goes to the first and up to the last). Returns false for any other key, or an empty list, so
 * the caller handles Enter and Escape its own way.
 */
export function moveActiveOption(
  event: KeyboardEvent,
  count: number,
  setActive: (update: (active: number) => number) => void,
): boolean {
  const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
  if (!step || !count) return false;
  event.preventDefault();
  setActive((active) => (active < 0 ? (step === 1 ? 0 : count - 1) : (active + step + count) % count));
  return true;
}

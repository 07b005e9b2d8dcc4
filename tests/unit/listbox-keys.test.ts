import type { KeyboardEvent } from 'react';
import { describe, expect, it } from 'vitest';
import { moveActiveOption } from '@/components/ui/listbox-keys';

/** A key press with a real preventDefault record, and the index the helper moves to from `from`. */
function press(key: string, from: number, count: number) {
  let prevented = false;
  let active = from;
  const event = { key, preventDefault: () => (prevented = true) } as unknown as KeyboardEvent;
  const handled = moveActiveOption(event, count, (update) => (active = update(active)));
  return { handled, prevented, active };
}

describe('moveActiveOption', () => {
  it('moves down and up, wrapping at both ends', () => {
    expect(press('ArrowDown', 0, 3)).toEqual({ handled: true, prevented: true, active: 1 });
    expect(press('ArrowDown', 2, 3).active).toBe(0);
    expect(press('ArrowUp', 0, 3).active).toBe(2);
    expect(press('ArrowUp', 2, 3).active).toBe(1);
  });

  it('from no highlighted option goes to the first on ArrowDown and the last on ArrowUp', () => {
    expect(press('ArrowDown', -1, 4).active).toBe(0);
    // The ticket search's own copy went to the second-to-last here.
    expect(press('ArrowUp', -1, 4).active).toBe(3);
  });

  it('leaves other keys and empty lists to the caller, without preventing the default', () => {
    expect(press('Enter', 1, 3)).toEqual({ handled: false, prevented: false, active: 1 });
    expect(press('ArrowDown', -1, 0)).toEqual({ handled: false, prevented: false, active: -1 });
  });
});

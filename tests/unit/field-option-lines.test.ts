import { describe, expect, it } from 'vitest';
import { linesFromOptions, optionsFromLines } from '@/app/admin/fields/_components/option-lines';

const existing = [
  { value: 'gold', label: 'Gold' },
  { value: 'legacy_silver', label: 'Silver' },
];

describe('dropdown options edited as lines', () => {
  it('keeps the stored value of an option still listed, so only options really dropped count as removed', () => {
    expect(optionsFromLines(linesFromOptions(existing), existing)).toEqual(existing);
    expect(optionsFromLines('GOLD\nSilver\n\n  Platinum plus  ', existing)).toEqual([
      { value: 'gold', label: 'GOLD' },
      { value: 'legacy_silver', label: 'Silver' },
      { value: 'platinum-plus', label: 'Platinum plus' },
    ]);
  });

  it('gives a renamed option a new value, which the form then treats as a removal to answer', () => {
    expect(optionsFromLines('Gold tier', existing)).toEqual([{ value: 'gold-tier', label: 'Gold tier' }]);
  });
});

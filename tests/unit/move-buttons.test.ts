import { describe, expect, it } from 'vitest';
import { movedIds } from '@/components/ui/move-buttons';

describe('movedIds: the order a reorder saves', () => {
  it('moves one id up or down and keeps the rest in order', () => {
    expect(movedIds(['a', 'b', 'c', 'd'], 2, 1)).toEqual(['a', 'c', 'b', 'd']);
    expect(movedIds(['a', 'b', 'c', 'd'], 0, 1)).toEqual(['b', 'a', 'c', 'd']);
    expect(movedIds(['a', 'b', 'c', 'd'], 3, 0)).toEqual(['d', 'a', 'b', 'c']);
  });

  it('leaves the list it was given alone and loses or doubles nothing', () => {
    const ids = ['a', 'b', 'c'];
    for (let from = 0; from < ids.length; from++)
      for (let to = 0; to < ids.length; to++) {
        const moved = movedIds(ids, from, to);
        expect([...moved].sort()).toEqual(ids);
        expect(moved[to]).toBe(ids[from]);
      }
    expect(ids).toEqual(['a', 'b', 'c']);
  });
});

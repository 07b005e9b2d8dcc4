import { describe, expect, it } from 'vitest';
import {
  allowedEdits,
  correctWord,
  editDistance,
  editsToLexeme,
  inverseDocumentFrequency,
  tsqueryOf,
  weighQueryWords,
} from '@/server/services/help/search-terms';

describe('help search terms', () => {
  it('counts edits with neighbour swaps as one', () => {
    expect(editDistance('zapeir', 'zapier')).toBe(1);
    expect(editDistance('pasword', 'password')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    // Symmetric, zero only for equal words: checked over a few pairs rather than one example.
    for (const [a, b] of [
      ['invoice', 'invoic'],
      ['shopfii', 'shopifi'],
      ['refund', 'refnud'],
    ] as const) {
      expect(editDistance(a, b)).toBe(editDistance(b, a));
      expect(editDistance(a, b)).toBeGreaterThan(0);
      expect(editDistance(a, a)).toBe(0);
    }
  });

  it('compares a misspelt word with a stem by its start, at most one letter longer', () => {
    expect(editsToLexeme('chnage', 'chang')).toBe(1);
    expect(editsToLexeme('secrett', 'secret')).toBe(1);
    // "shop" is no typo of "shopfii": three letters longer is a different word.
    expect(editsToLexeme('shopfii', 'shop')).toBe(3);
  });

  it('allows no edit up to 4 letters, one up to 6, two beyond', () => {
    expect([3, 4, 5, 6, 7, 12].map(allowedEdits)).toEqual([0, 0, 1, 1, 2, 2]);
  });

  it('corrects to the closest word, then the commoner one, never to a word too far away', () => {
    const vocabulary = [
      { lexeme: 'card', articleCount: 40 },
      { lexeme: 'shopifi', articleCount: 2 },
      { lexeme: 'shop', articleCount: 90 },
      { lexeme: 'ship', articleCount: 95 },
      { lexeme: 'chip', articleCount: 3 },
    ];
    expect(correctWord('shopfii', vocabulary)?.lexeme).toBe('shopifi');
    expect(correctWord('cant', vocabulary)).toBeNull();
    // "shipe" is one edit from both "ship" and "shop": the word more articles use wins.
    expect(correctWord('shipe', vocabulary)?.lexeme).toBe('ship');
    expect(correctWord('qwertyuiop', vocabulary)).toBeNull();
    // The order candidates arrive in changes nothing.
    expect(correctWord('shopfii', [...vocabulary].reverse())).toEqual(correctWord('shopfii', vocabulary));
  });

  it('weighs rare words above common ones; an unknown word at half an average word', () => {
    expect(inverseDocumentFrequency(1, 1000)).toBeGreaterThan(inverseDocumentFrequency(500, 1000));
    const [rare, common, unknown] = weighQueryWords(
      [
        { word: 'zorblax', lexeme: 'zorblax', articleCount: 1 },
        { word: 'refund', lexeme: 'refund', articleCount: 600 },
        { word: 'moonbas', lexeme: null, articleCount: 0 },
      ],
      1000,
    );
    expect(rare!.weight).toBeGreaterThan(common!.weight);
    expect(unknown!.weight).toBeCloseTo((rare!.weight + common!.weight) / 4);
  });

  it('quotes lexemes for tsquery, escaping quotes and backslashes', () => {
    expect(tsqueryOf(["o'neil", 'a\\b'], '&')).toBe("'o''neil' & 'a\\\\b'");
    expect(tsqueryOf(['x', 'y'], '|')).toBe("'x' | 'y'");
  });
});

import { describe, expect, it } from 'vitest';
import { normalizeHelpPath } from '@/server/services/help/contextual-help';
import { HIGHLIGHT_END, HIGHLIGHT_START, toSnippetParts } from '@/server/services/help/snippet';

const hl = (word: string) => `${HIGHLIGHT_START}${word}${HIGHLIGHT_END}`;

describe('toSnippetParts', () => {
  it('splits a headline into plain and matched parts', () => {
    expect(toSnippetParts(`Choose ${hl('Forgot')} ${hl('password')} on the page`)).toEqual(
      [
        { text: 'Choose ', match: false },
        { text: 'Forgot', match: true },
        { text: ' ', match: false },
        { text: 'password', match: true },
        { text: ' on the page', match: false },
      ].filter((p) => p.text.trim()),
    );
  });

  it('drops Markdown punctuation and link targets', () => {
    const parts = toSnippetParts(`See **${hl('billing')}** in [Settings](https://x.example/settings) # now`);
    expect(parts.map((p) => p.text).join('')).toBe('See billing in Settings now');
  });

  it('keeps angle brackets as text: the page renders parts as text, never HTML', () => {
    expect(toSnippetParts('<img src=x onerror=alert(1)>')).toEqual([
      { text: '<img src=x onerror=alert(1)', match: false },
    ]);
  });

  it('copes with an unterminated highlight', () => {
    expect(toSnippetParts(`a ${HIGHLIGHT_START}b`)).toEqual([
      { text: 'a ', match: false },
      { text: 'b', match: true },
    ]);
  });
});

describe('normalizeHelpPath', () => {
  it('lower-cases, drops query, hash and trailing slashes', () => {
    expect(normalizeHelpPath('/Orders/?tab=open#x')).toBe('/orders');
    expect(normalizeHelpPath('orders')).toBe('/orders');
    expect(normalizeHelpPath('/')).toBe('/');
  });
});

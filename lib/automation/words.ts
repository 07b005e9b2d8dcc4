/**
 * Text as a sequence of lower-case words with single spaces and a space at each end, so "contains the
 * words" is a substring test that respects word edges ("bill" does not match "billing") and accents
 * and case do not matter.
 */
export function wordText(text: string) {
  const words = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  return ` ${words.join(' ')} `;
}

/** Whether the prepared text (wordText) holds the phrase as whole words. */
export function hasPhrase(preparedText: string, phrase: string) {
  const needle = wordText(phrase);
  return needle.trim().length > 0 && preparedText.includes(needle);
}

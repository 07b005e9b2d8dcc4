/**
 * Text as a sequence of lower-case words with single spaces and a space at each end, so "contains the
 * words" is a substring test that respects word edges ("bill" does not match "billing") and accents
 * and case do not matter.
 */
export function wordText(text: string) {
  if (text.length > PREPARED_LONGEST) return prepareWords(text);
  const known = prepared.get(text);
  if (known !== undefined) return known;
  if (prepared.size >= PREPARED_KEPT) prepared.clear();
  const result = prepareWords(text);
  prepared.set(text, result);
  return result;
}

/**
 * The same texts are prepared over and over: an event's subject and body once for each of a hundred rules,
 * each rule's phrases once for each event. Unicode normalising is the costly part of testing a rule. Bounded
 * (at most 1,000 texts of at most 4,000 characters, a few MB): a long mail body is prepared each time.
 */
const prepared = new Map<string, string>();
const PREPARED_KEPT = 1_000;
const PREPARED_LONGEST = 4_000;

function prepareWords(text: string) {
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

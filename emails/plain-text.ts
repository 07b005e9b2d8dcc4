import { compile } from 'html-to-text';

/**
 * The text part of a mail from its HTML, as React Email's `toPlainText` converts it (the same html-to-text
 * version and selectors), with the converter compiled once. `toPlainText` compiles its options on every
 * call, and building that selector tree was half the conversion's cost: a tenth of the worker's time per
 * notification mail. tests/unit/email-plain-text.test.ts holds the two outputs equal.
 */
export const htmlToPlainText = compile({
  wordwrap: false,
  selectors: [
    // React Email's own selectors (@react-email/render, to-plain-text.ts) ...
    { selector: 'img', format: 'skip' },
    { selector: '[data-skip-in-text=true]', format: 'skip' },
    { selector: 'a', options: { linkBrackets: false, hideLinkHrefIfSameAsText: true } },
    // ... and ours: html-to-text upper-cases h1 by default; our headings are sentences ("Alex replied to #42").
    { selector: 'h1', options: { uppercase: false } },
  ],
});

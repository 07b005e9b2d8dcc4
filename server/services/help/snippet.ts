/** A piece of a search snippet; `match` pieces are the words the reader searched for. */
export type SnippetPart = { text: string; match: boolean };

export const HIGHLIGHT_START = '[[[hl:';
export const HIGHLIGHT_END = ':hl]]]';

/** Markdown punctuation that reads as noise in a one-line snippet. */
function plain(text: string) {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\]\([^)]*\)/g, '')
    .replace(/[*_`#>[\]|~]+/g, '')
    .replace(/\s+/g, ' ');
}

/**
 * ts_headline output (markers chosen to be unlikely in an article) as parts, so the page renders them as
 * text and only the highlight itself is markup. Article bodies may contain anything; nothing from them
 * is ever interpreted as HTML.
 */
export function toSnippetParts(headline: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let rest = headline;
  while (rest.length) {
    const start = rest.indexOf(HIGHLIGHT_START);
    if (start === -1) {
      parts.push({ text: plain(rest), match: false });
      break;
    }
    if (start > 0) parts.push({ text: plain(rest.slice(0, start)), match: false });
    const end = rest.indexOf(HIGHLIGHT_END, start);
    const stop = end === -1 ? rest.length : end;
    parts.push({ text: plain(rest.slice(start + HIGHLIGHT_START.length, stop)), match: true });
    rest = end === -1 ? '' : rest.slice(end + HIGHLIGHT_END.length);
  }
  const cleaned = parts.filter((p) => p.text.trim());
  if (cleaned[0]) cleaned[0] = { ...cleaned[0], text: cleaned[0].text.trimStart() };
  const last = cleaned.at(-1);
  if (last) cleaned[cleaned.length - 1] = { ...last, text: last.text.trimEnd() };
  return cleaned;
}

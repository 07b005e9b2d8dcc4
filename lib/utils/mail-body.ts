/**
 * How a message body received by mail is shown: the new text first, the quoted history (kept in full) folded
 * away, and inline images where the mail placed them. Pure, so the agent's thread and the portal agree.
 */

/** "On Mon, 7 Dec 2026 at 10:00, Alice <a@example.com> wrote:" (Gmail, Apple Mail, Thunderbird). */
const ATTRIBUTION = /^(on|am|le|el|il|op)\b.{0,300}\b(wrote|schrieb|a écrit|escribió|ha scritto|schreef)\s*:\s*$/i;
/** Outlook's separators: a dashed "Original Message" line, or a From: header followed by Sent:/Date:. */
const ORIGINAL_MESSAGE = /^-{2,}\s*(original message|ursprüngliche nachricht|message d'origine)\s*-{2,}\s*$/i;
const OUTLOOK_FROM = /^\*?from:\*?\s+\S/i;
const OUTLOOK_NEXT = /^\*?(sent|date|to|subject|cc):\*?\s/i;

/** Where the quoted history starts (a line index), or -1. Lines that merely contain ":" or ">" are new text. */
function quoteStart(lines: readonly string[]): number {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (ATTRIBUTION.test(line) || ORIGINAL_MESSAGE.test(line)) return i;
    // Gmail breaks a long attribution over two lines: "On …, Alice <a@example.com>" / "wrote:".
    if (/^on\b/i.test(line) && i + 1 < lines.length && ATTRIBUTION.test(`${line} ${lines[i + 1]!.trim()}`)) return i;
    if (OUTLOOK_FROM.test(line) && lines.slice(i + 1, i + 4).some((next) => OUTLOOK_NEXT.test(next.trim()))) return i;
    // A ">" block counts only when nothing but quoted or empty lines follows it to the end.
    if (line.startsWith('>') && lines.slice(i).every((rest) => !rest.trim() || rest.trim().startsWith('>'))) return i;
  }
  return -1;
}

/**
 * The new text and the quoted history of a reply. Null `quoted` when there is none, or when the whole body
 * would be quoted (a forward without a note shows in full rather than as an empty message).
 */
export function splitQuotedHistory(body: string): { text: string; quoted: string | null } {
  const lines = body.split('\n');
  const start = quoteStart(lines);
  if (start === -1) return { text: body, quoted: null };
  const text = lines.slice(0, start).join('\n').trimEnd();
  if (!text.trim()) return { text: body, quoted: null };
  return { text, quoted: lines.slice(start).join('\n') };
}

export type InlineAttachment = { id: string; filename: string; contentType: string; contentId?: string | null };
export type BodySegment<A extends InlineAttachment> = { text: string } | { image: A };

/**
 * The body cut at each inline-image marker that names one of the message's inline images: `[cid:…]` (Outlook,
 * and our HTML reduction) by Content-ID, `[image: name]` (Gmail) by file name. Any other bracket stays text.
 */
export function inlineImageSegments<A extends InlineAttachment>(
  text: string,
  attachments: readonly A[],
): BodySegment<A>[] {
  const inline = attachments.filter((a) => a.contentId && a.contentType.startsWith('image/'));
  if (!inline.length) return [{ text }];
  const segments: BodySegment<A>[] = [];
  let last = 0;
  for (const match of text.matchAll(/\[(?:cid:([^\]\s]+)|image:\s*([^\]\n]+))\]/gi)) {
    const [marker, cid, name] = match;
    const image = cid ? inline.find((a) => a.contentId === cid) : inline.find((a) => a.filename === name!.trim());
    if (!image) continue;
    if (match.index > last) segments.push({ text: text.slice(last, match.index) });
    segments.push({ image });
    last = match.index + marker.length;
  }
  if (last < text.length) segments.push({ text: text.slice(last) });
  return segments;
}

import sanitizeHtml from 'sanitize-html';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

/**
 * The text a ticket shows for a mail: its text part, else its HTML reduced by the sanitizer to text (no tag,
 * attribute or script survives; the sanitizer is the same library the help center uses). Quoted history is
 * kept in full.
 */
export function displayText(parts: { text?: string | null; html?: string | false | null }): string {
  const text = parts.text?.replace(/\r\n/g, '\n').trim();
  if (text) return text;
  if (!parts.html) return '';
  // An inline image becomes a [cid:…] marker (as Outlook writes in its text part), shown in place in the thread.
  const withImages = parts.html.replace(
    /<img\b[^>]*?\bsrc\s*=\s*["']?cid:([^"'\s>]+)[^>]*>/gi,
    (_, cid: string) => `[cid:${cid}]`,
  );
  const withBreaks = withImages.replace(/<(br|\/p|\/div|\/li|\/h\d)\b[^>]*>/gi, '$&\n');
  const stripped = sanitizeHtml(withBreaks, { allowedTags: [], allowedAttributes: {} });
  return stripped
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name: string) => ENTITIES[name]!)
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A subject fit for a ticket: one line, at most 200 characters, never empty. */
export function ticketSubject(subject: string | undefined | null): string {
  const line = (subject ?? '').replace(/\s+/g, ' ').trim();
  return line.length >= 3 ? line.slice(0, 200) : '(no subject)';
}

/** An attachment's name as shown: the base name only (no folders), no markup or control characters. */
export function safeBaseName(filename: string | undefined | null): string {
  // Markup first: `<b>x</b>.txt` must not be cut at the slash of its closing tag.
  const base =
    (filename ?? '')
      .replace(/<[^>]*>/g, '')
      .split(/[\\/]/)
      .pop() ?? '';
  const cleaned = base
    .replace(/[\u0000-\u001f\u007f<>"'`\\]/g, '')
    .replace(/^\.+/, '')
    .trim()
    .slice(0, 200);
  return cleaned || 'attachment';
}

/**
 * Reading headers of a raw message without a MIME parser. The store step needs the Message-ID before anything
 * else touches the bytes (it is part of the duplicate key), so this must never throw on garbage.
 */

/** The header block (up to the first empty line), unfolded, as lower-cased name → values in order. */
export function readHeaderBlock(raw: Uint8Array, maxBytes = 256 * 1024): Map<string, string[]> {
  const head = Buffer.from(raw.subarray(0, maxBytes)).toString('latin1');
  const end = head.search(/\r?\n\r?\n/);
  const block = end === -1 ? head : head.slice(0, end);
  const headers = new Map<string, string[]>();
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!/^[\x21-\x39\x3b-\x7e]+$/.test(name)) continue;
    headers.set(name, [...(headers.get(name) ?? []), line.slice(colon + 1).trim()]);
  }
  return headers;
}

/** Every `<id>` in a header value (In-Reply-To, References), angle brackets kept as ticket_mails stores them. */
export function messageIdsIn(value: string | undefined | null): string[] {
  if (!value) return [];
  return [...value.matchAll(/<([^<>\s]+)>/g)].map((m) => `<${m[1]}>`);
}

/** The message's own Message-ID as `<id>`, or '' when it has none (then the content alone identifies it). */
export function readMessageId(raw: Uint8Array): string {
  const value = readHeaderBlock(raw).get('message-id')?.[0];
  if (!value) return '';
  const [first] = messageIdsIn(value);
  if (first) return first.slice(0, 998);
  const bare = value.trim().split(/\s+/)[0] ?? '';
  return bare ? `<${bare.slice(0, 996)}>` : '';
}

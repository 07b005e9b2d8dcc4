/**
 * The file type by its content (magic numbers), not by the name or the type the browser claims: an
 * "invoice.pdf" that is really HTML must never be stored or served as something a browser would run.
 */
const SIGNATURES: Array<{ type: string; bytes: number[]; offset?: number }> = [
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { type: 'image/gif', bytes: [0x47, 0x49, 0x46, 0x38] },
  { type: 'image/webp', bytes: [0x57, 0x45, 0x42, 0x50], offset: 8 },
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { type: 'application/zip', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { type: 'application/gzip', bytes: [0x1f, 0x8b] },
];

/** Zip containers whose extension tells the Office format apart. */
const ZIP_BASED: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

const TEXT_TYPES: Record<string, string> = {
  txt: 'text/plain',
  csv: 'text/csv',
  log: 'text/plain',
  json: 'application/json',
  md: 'text/markdown',
};

export const ALLOWED_ATTACHMENT_TYPES = [
  ...new Set([...SIGNATURES.map((s) => s.type), ...Object.values(ZIP_BASED), ...Object.values(TEXT_TYPES)]),
];

function looksLikeText(bytes: Uint8Array) {
  const sample = bytes.subarray(0, 4096);
  for (const b of sample) if (b === 0 || (b < 9 && b !== 0)) return false;
  const head = new TextDecoder('utf-8', { fatal: false }).decode(sample).trimStart().toLowerCase();
  // Markup a browser would render is refused even when named .txt.
  return !/^<(!doctype|html|script|svg|\?xml)/.test(head);
}

export function sniffContentType(bytes: Uint8Array, filename: string): string | null {
  const extension = filename.toLowerCase().split('.').pop() ?? '';
  for (const signature of SIGNATURES) {
    const offset = signature.offset ?? 0;
    if (signature.bytes.every((b, i) => bytes[offset + i] === b)) {
      if (signature.type === 'application/zip' && ZIP_BASED[extension]) return ZIP_BASED[extension];
      if (signature.type === 'image/webp' && !(bytes[0] === 0x52 && bytes[1] === 0x49)) continue;
      return signature.type;
    }
  }
  if (TEXT_TYPES[extension] && looksLikeText(bytes)) return TEXT_TYPES[extension];
  return null;
}

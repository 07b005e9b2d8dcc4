import { z } from 'zod';
import { ATTACHMENT_LIMITS } from '@/lib/constants/ticket';
import { GUEST_HONEYPOT_FIELD, guestRequestInput } from '@/lib/validators/guest-request';
import { AppError } from '@/server/errors';
import type { GuestFile } from './file-guest-request';

/** Five files at the attachment limit, plus room for the text fields and multipart framing. */
const MAX_BODY_BYTES = ATTACHMENT_LIMITS.maxPerMessage * ATTACHMENT_LIMITS.maxBytes + 256 * 1024;

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
};

/**
 * The guest form as posted (multipart: name, email, subject, body, the honeypot, `attachments` files, an
 * optional `sessionId`), checked with the same zod rules as the form. Anything wrong is a 400 naming the field.
 */
export async function readGuestRequestForm(req: Request) {
  const declared = Number(req.headers.get('content-length') ?? 0);
  if (declared > MAX_BODY_BYTES)
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `The request is too large. Attach at most ${ATTACHMENT_LIMITS.maxPerMessage} files of ${ATTACHMENT_LIMITS.maxBytes / 1024 / 1024} MB each.`,
    );
  const form = await req.formData().catch(() => null);
  if (!form) throw new AppError('BAD_REQUEST', 'Send the request as multipart form data (name, email, subject, body).');
  const parsed = guestRequestInput.safeParse({
    name: text(form, 'name'),
    email: text(form, 'email'),
    subject: text(form, 'subject'),
    body: text(form, 'body'),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError('BAD_REQUEST', issue.message, { field: String(issue.path[0] ?? 'form') });
  }
  const files: GuestFile[] = [];
  for (const entry of form.getAll('attachments')) {
    // A file input left empty posts one nameless, empty part: it is no attachment.
    if (!(entry instanceof File) || (entry.size === 0 && !entry.name)) continue;
    files.push({ filename: entry.name, bytes: new Uint8Array(await entry.arrayBuffer()) });
  }
  // Only a uuid is a support session; anything else is ignored, as it only labels a statistic.
  const sessionId = z.uuid().safeParse(text(form, 'sessionId')).data;
  return {
    request: parsed.data,
    files,
    honeypot: text(form, GUEST_HONEYPOT_FIELD),
    sessionId,
  };
}

import crypto from 'node:crypto';
import { ATTACHMENT_LIMITS } from '@/lib/constants/ticket';
import { sniffContentType } from '@/lib/utils/sniff-content-type';
import { attachments } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { AppError } from '@/server/errors';
import { putObject } from '@/server/storage/local-disk';
import type { TicketActor } from './actor';

function cleanFilename(name: string) {
  const base = name.split(/[\\/]/).pop() ?? 'file';
  // Control characters and quotes would break the Content-Disposition header on download.
  const cleaned = base
    .replace(/[\u0000-\u001f\u007f"\\]/g, '')
    .trim()
    .slice(0, 200);
  return cleaned || 'file';
}

/** Stores an upload after checking its size and its type by content; it is linked to a message later. */
export async function uploadAttachment(
  scope: TenantScope,
  input: { filename: string; bytes: Uint8Array; actor: TicketActor; contentId?: string | null },
) {
  if (input.bytes.byteLength === 0) throw new AppError('BAD_REQUEST', 'The file is empty.');
  if (input.bytes.byteLength > ATTACHMENT_LIMITS.maxBytes) {
    throw new AppError(
      'BAD_REQUEST',
      `The file is larger than ${ATTACHMENT_LIMITS.maxBytes / 1024 / 1024} MB. Attach a smaller file or share a link.`,
    );
  }
  const filename = cleanFilename(input.filename);
  const contentType = sniffContentType(input.bytes, filename);
  if (!contentType) {
    throw new AppError(
      'BAD_REQUEST',
      `${filename} is not a supported file type. Attach images, PDFs, text, CSV, Office documents or zip files.`,
    );
  }
  const storageKey = await putObject(input.bytes);
  const [row] = await scope.db
    .insert(attachments)
    .values({
      tenantId: scope.tenantId,
      filename,
      contentType,
      sizeBytes: input.bytes.byteLength,
      storageKey,
      sha256: crypto.createHash('sha256').update(input.bytes).digest('hex'),
      uploadedByUserId: input.actor.type === 'agent' ? input.actor.userId : null,
      uploadedByCustomerId: input.actor.type === 'customer' ? input.actor.customerId : null,
      // Only a plain token is kept: it is matched against [cid:…] in the text, never put into markup.
      contentId: input.contentId?.replace(/[^\x21-\x7e]|[<>[\]]/g, '').slice(0, 200) || null,
    })
    .returning({
      id: attachments.id,
      filename: attachments.filename,
      contentType: attachments.contentType,
      sizeBytes: attachments.sizeBytes,
    });
  return row!;
}

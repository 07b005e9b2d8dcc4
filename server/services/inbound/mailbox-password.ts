import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { env } from '@/lib/env';
import { AppError } from '@/server/errors';

// Mailbox passwords at rest: AES-256-GCM under INBOUND_SECRET_KEY, with the workspace id as associated data so
// a ciphertext copied into another workspace's row does not decrypt. Stored as "v1.<iv>.<tag>.<ciphertext>".

const VERSION = 'v1';

function key() {
  if (!env.INBOUND_SECRET_KEY)
    throw new AppError(
      'PRECONDITION_FAILED',
      'This Cairn server cannot store mailbox passwords yet: ask your Cairn operator to set INBOUND_SECRET_KEY.',
    );
  return Buffer.from(env.INBOUND_SECRET_KEY, 'base64');
}

export function encryptMailboxPassword(tenantId: string, password: string) {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(), iv);
  cipher.setAAD(Buffer.from(tenantId));
  const ciphertext = Buffer.concat([cipher.update(password, 'utf8'), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), ciphertext]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

/** Throws an AppError the admin can act on when the key changed since the password was saved. */
export function decryptMailboxPassword(tenantId: string, stored: string) {
  const [version, iv, tag, ciphertext] = stored.split('.');
  try {
    if (version !== VERSION || !iv || !tag || ciphertext === undefined) throw new Error('unknown format');
    const decipher = createDecipheriv('aes-256-gcm', key(), Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(tenantId));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError(
      'PRECONDITION_FAILED',
      'The saved mailbox password cannot be read (the server key changed). Enter the password again and save.',
    );
  }
}

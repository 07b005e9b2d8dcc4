import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { env } from '@/lib/env';
import { AppError } from '@/server/errors';

/**
 * Attachments live outside the web root under random keys, so a name can never be guessed or traverse
 * folders. An S3-compatible store would implement the same three functions.
 */
function root() {
  return path.resolve(env.CAIRN_DATA_DIR, 'attachments');
}

function pathFor(key: string) {
  if (!/^[a-f0-9]{2}\/[a-f0-9]{64}$/.test(key)) throw new Error('Invalid storage key');
  return path.join(root(), key);
}

/** Out of space or over quota: the operator's problem, which the uploader can only wait out. */
const STORE_FULL = new Set(['ENOSPC', 'EDQUOT']);

export const STORE_FULL_MESSAGE =
  'The file could not be stored: the attachment store is full. Nothing was saved. Try again later, or ask an admin to free space on the attachment store.';

export async function putObject(bytes: Uint8Array): Promise<string> {
  const name = crypto.randomBytes(32).toString('hex');
  const key = `${name.slice(0, 2)}/${name}`;
  const file = pathFor(key);
  try {
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, bytes, { flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // A write cut short leaves a partial file under a key no row will ever name: remove it. Never on
    // EEXIST, which would be another upload's file.
    if (code !== 'EEXIST') await fs.rm(file, { force: true }).catch(() => undefined);
    if (code && STORE_FULL.has(code)) throw new AppError('INSUFFICIENT_STORAGE', STORE_FULL_MESSAGE);
    throw error;
  }
  return key;
}

export function getObject(key: string): Promise<Buffer> {
  return fs.readFile(pathFor(key));
}

export async function deleteObject(key: string) {
  await fs.rm(pathFor(key), { force: true });
}

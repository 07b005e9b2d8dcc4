import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { env } from '@/lib/env';

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

export async function putObject(bytes: Uint8Array): Promise<string> {
  const name = crypto.randomBytes(32).toString('hex');
  const key = `${name.slice(0, 2)}/${name}`;
  const file = pathFor(key);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, bytes, { flag: 'wx' });
  return key;
}

export function getObject(key: string): Promise<Buffer> {
  return fs.readFile(pathFor(key));
}

export async function deleteObject(key: string) {
  await fs.rm(pathFor(key), { force: true });
}

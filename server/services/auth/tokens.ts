import { createHash, randomBytes } from 'node:crypto';

/** An unguessable token for a link; only its hash is stored, so a database leak grants nothing. */
export function createLinkToken() {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashLinkToken(token) };
}

export function hashLinkToken(token: string) {
  return createHash('sha256').update(token).digest('hex');
}

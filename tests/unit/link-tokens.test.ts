import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createLinkToken, hashLinkToken } from '@/server/services/auth/tokens';

describe('link tokens', () => {
  it('stores a SHA-256 hex digest of the token, never the token', () => {
    const { token, hash } = createLinkToken();
    expect(hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(token);
  });

  it('hashes deterministically, so a link can be looked up by its hash', () => {
    expect(hashLinkToken('same-token')).toBe(hashLinkToken('same-token'));
    expect(hashLinkToken('same-token')).not.toBe(hashLinkToken('same-tokeN'));
  });

  it('makes 256-bit URL-safe tokens that do not repeat', () => {
    const tokens = Array.from({ length: 200 }, () => createLinkToken().token);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new Set(tokens).size).toBe(tokens.length);
  });
});

import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { ticketMailThreads } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/**
 * 160 random bits in lower-case base32 (32 characters). Lower-case because mail systems may fold the case of
 * an address's local part; base64url would not survive that. Short enough for `support+<token>@…`.
 */
export function newReplyToken() {
  const bytes = randomBytes(20);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

/** The ticket's reply token, created on its first mail. Concurrent first mails agree on one token. */
export async function ticketReplyToken(scope: TenantScope, ticketId: string) {
  const existing = await scope.db
    .select({ token: ticketMailThreads.replyToken })
    .from(ticketMailThreads)
    .where(eq(ticketMailThreads.ticketId, ticketId));
  if (existing[0]) return existing[0].token;
  await scope.db
    .insert(ticketMailThreads)
    .values({ tenantId: scope.tenantId, ticketId, replyToken: newReplyToken() })
    .onConflictDoNothing({ target: ticketMailThreads.ticketId });
  const [row] = await scope.db
    .select({ token: ticketMailThreads.replyToken })
    .from(ticketMailThreads)
    .where(eq(ticketMailThreads.ticketId, ticketId));
  return row!.token;
}

/** `support@acme.com` + token → `support+<token>@acme.com`: plus addressing reaches the same mailbox. */
export function replyToAddress(senderAddress: string, token: string) {
  const at = senderAddress.lastIndexOf('@');
  const local = senderAddress.slice(0, at).split('+')[0];
  return `${local}+${token}@${senderAddress.slice(at + 1)}`;
}

import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
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

/**
 * The ticket's reply token, created on its first mail, in one statement: the stored token, or the one this
 * statement inserted. Two first mails at once: the one whose insert loses reads the winner's token after it.
 */
export async function ticketReplyToken(scope: TenantScope, ticketId: string) {
  const { rows } = await scope.db.execute<{ token: string }>(sql`
    with existing as (
      select reply_token from ticket_mail_threads where ticket_id = ${ticketId}
    ), inserted as (
      insert into ticket_mail_threads (tenant_id, ticket_id, reply_token)
      select ${scope.tenantId}, ${ticketId}, ${newReplyToken()}
      where not exists (select 1 from existing)
      on conflict (ticket_id) do nothing
      returning reply_token
    )
    select reply_token as token from existing union all select reply_token from inserted`);
  if (rows[0]) return rows[0].token;
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

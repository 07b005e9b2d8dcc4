import { createHmac, timingSafeEqual } from 'node:crypto';
import type { WidgetIdentity } from '@/lib/validators/widget';
import type { WidgetSettings } from './widget-settings';

/** What the host's server computes for a user: hex HMAC-SHA256 of the user id under the widget secret. */
export function signWidgetUserId(secret: string, userId: string) {
  return createHmac('sha256', secret).update(userId, 'utf8').digest('hex');
}

function matches(secret: string | null, userId: string, signature: string) {
  if (!secret) return false;
  const expected = Buffer.from(signWidgetUserId(secret, userId), 'hex');
  const given = Buffer.from(signature.toLowerCase(), 'hex');
  // Constant time for equal lengths; a wrong length tells an attacker nothing they did not send.
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** A visitor the host vouched for: the signature of their id verified under the current or previous secret. */
export type VerifiedVisitor = { externalId: string; email: string | null; name: string | null };

/**
 * Verifies a claimed identity. Both secrets are always checked (no early exit), so timing does not tell
 * which one matched. Anything unsigned or wrongly signed is null: the visitor is anonymous.
 */
export function verifyWidgetIdentity(
  settings: Pick<WidgetSettings, 'secret' | 'previousSecret'>,
  identity: WidgetIdentity | null | undefined,
): VerifiedVisitor | null {
  if (!identity?.signature) return null;
  const current = matches(settings.secret, identity.id, identity.signature);
  const previous = matches(settings.previousSecret, identity.id, identity.signature);
  if (!current && !previous) return null;
  return { externalId: identity.id, email: identity.email ?? null, name: identity.name ?? null };
}

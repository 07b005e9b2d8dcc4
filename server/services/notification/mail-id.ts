import { createHash } from 'node:crypto';

/**
 * The outbox id of one notification mail, derived from the event that caused it and its recipient: a
 * second run of the same event (a retried dispatch, a sweep after a lost ack) computes the same ids, and
 * the outbox's primary key turns the second insert into nothing. Formatted as a version-5-style UUID.
 */
export function notificationMailId(eventId: string, kind: string, recipient: string): string {
  const bytes = createHash('sha256').update(`${eventId}\n${kind}\n${recipient.toLowerCase()}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

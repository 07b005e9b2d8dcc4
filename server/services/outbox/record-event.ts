import type { DomainEventType } from '@/lib/constants/outbox';
import type { TenantScope } from '@/server/db/tenant';
import { addToOutbox } from './add-to-outbox';

/**
 * Records a domain event in the caller's transaction: it exists exactly when the change commits. The
 * `event.dispatch` job (nudged after commit, id derived from the row) hands it to the event consumers.
 * Payloads carry ids and field values, never message bodies: they are kept and shown to admins.
 */
export async function recordEvent(
  scope: TenantScope,
  type: DomainEventType,
  payload: { ticketId: string } & Record<string, unknown>,
): Promise<string> {
  return addToOutbox(scope, 'event', { type, data: payload });
}

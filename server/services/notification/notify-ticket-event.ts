import type { DomainEventType } from '@/lib/constants/outbox';
import { TICKET_STATUSES, type TicketStatus } from '@/lib/constants/ticket';
import type { TenantScope } from '@/server/db/tenant';
import type { EventBatch } from '@/server/services/outbox/event-batch';
import { queueTicketNotifications, type TicketNotificationEvent } from './queue-ticket-notifications';

/** The domain events that can cause a notification mail; the rest pass the notification consumer by. */
export const NOTIFYING_EVENT_TYPES = [
  'ticket.created',
  'ticket.message_added',
  'ticket.status_changed',
] as const satisfies readonly DomainEventType[];

type RecordedEvent = { id: string; type: DomainEventType; data: { ticketId: string } & Record<string, unknown> };

const text = (value: unknown) => (typeof value === 'string' ? value : null);
const status = (value: unknown) =>
  (TICKET_STATUSES as readonly unknown[]).includes(value) ? (value as TicketStatus) : null;

/** What a recorded event means for notifications, from its stored payload; null when it means nothing. */
function notificationOf(event: RecordedEvent): TicketNotificationEvent | null {
  const { ticketId } = event.data;
  if (event.type === 'ticket.created' || event.type === 'ticket.message_added') {
    const messageId = text(event.data.messageId);
    // Events recorded before the payload carried the message id cannot name the mail's message: no mail.
    if (!messageId) return null;
    return { type: event.type === 'ticket.created' ? 'ticket.created' : 'message.added', ticketId, messageId };
  }
  if (event.type === 'ticket.status_changed') {
    const from = status(event.data.from);
    const to = status(event.data.to);
    if (!from || !to) return null;
    return {
      type: 'ticket.status_changed',
      ticketId,
      from,
      to,
      actorType: text(event.data.actorType) ?? 'system',
      actorId: text(event.data.actorId),
    };
  }
  return null;
}

/**
 * The mails a ticket event causes (customer confirmation, agent alerts, replies, solved and closed
 * notices), queued by the event's consumer in the worker instead of inside the change's transaction.
 */
export async function notifyTicketEvent(scope: TenantScope, event: RecordedEvent, batch?: EventBatch) {
  const notification = notificationOf(event);
  if (!notification) return [];
  return queueTicketNotifications(scope, event.id, notification, batch);
}

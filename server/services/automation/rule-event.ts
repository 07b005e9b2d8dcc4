import { inArray } from 'drizzle-orm';
import type { RuleEvent } from '@/lib/automation';
import { ticketMessages } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import type { DomainEvent } from '@/server/services/outbox/domain-event';

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** Where an event came from, in the words of the rule builder: a web form is the portal. */
function eventChannel(data: Record<string, unknown>) {
  if (data.actorType === 'agent' || data.authorType === 'agent') return 'agent';
  const channel = text(data.via) ?? text(data.channel);
  return channel === 'web' ? 'portal' : channel;
}

/** The messages of several events, by id, in one statement. */
export async function eventMessages(scope: TenantScope, messageIds: readonly string[]) {
  const rows = messageIds.length
    ? await scope.db
        .select({ id: ticketMessages.id, kind: ticketMessages.kind, body: ticketMessages.body })
        .from(ticketMessages)
        .where(inArray(ticketMessages.id, [...new Set(messageIds)]))
    : [];
  return new Map(rows.map(({ id, ...message }) => [id, message]));
}

export const eventMessageId = (event: DomainEvent) => text(event.data.messageId);

/** The event with its message (if it added one) already read: the dry run reads many messages at once. */
export function toRuleEvent(event: DomainEvent, message: { kind: string; body: string } | undefined): RuleEvent {
  const { data } = event;
  return {
    type: event.type,
    visibility: message ? (message.kind === 'note' ? 'internal' : 'public') : undefined,
    author: text(data.authorType) ?? text(data.actorType),
    channel: eventChannel(data),
    body: message?.body,
    rating: typeof data.rating === 'number' ? String(data.rating) : undefined,
  };
}

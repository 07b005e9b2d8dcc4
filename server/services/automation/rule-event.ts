import { eq } from 'drizzle-orm';
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

/**
 * The event as rule conditions see it. Payloads carry ids, never bodies: the message an event added (the
 * new ticket's first message, a reply, a note) is read here so "message contains" can test it.
 */
export async function ruleEventOf(scope: TenantScope, event: DomainEvent): Promise<RuleEvent> {
  const messageId = eventMessageId(event);
  const [message] = messageId
    ? await scope.db
        .select({ kind: ticketMessages.kind, body: ticketMessages.body })
        .from(ticketMessages)
        .where(eq(ticketMessages.id, messageId))
    : [];
  return toRuleEvent(event, message);
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

import type { DomainEventType } from '@/lib/constants/outbox';

/** What an outbox row of kind 'event' holds. `data` is the caller's payload, never message bodies. */
export type DomainEvent = { type: DomainEventType; data: { ticketId: string } & Record<string, unknown> };

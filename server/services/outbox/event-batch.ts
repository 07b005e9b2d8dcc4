import type { DomainEventType } from '@/lib/constants/outbox';
import type { TenantScope } from '@/server/db/tenant';
import type { DomainEvent } from './domain-event';

/** One recorded domain event as consumers receive it. */
export type DispatchedEvent = DomainEvent & { id: string; tenantId: string; occurredAt: Date };

/**
 * The events dispatched together in one transaction, in the order they were recorded. A consumer reads
 * through `once` what every event of the batch needs alike (the workspace's rules, its calendar), so a
 * hundred events cost one read of it, not a hundred.
 */
export type EventBatch = {
  events: readonly DispatchedEvent[];
  /** `load`'s result, read the first time `key` is asked for in this batch and shared after. */
  once<T>(key: string, load: () => Promise<T>): Promise<T>;
  /**
   * Whether an earlier event of the batch concerns the same ticket: then that event's consumers may have
   * changed the ticket, and a snapshot read for the whole batch is stale for this one.
   */
  followsSameTicket(event: DispatchedEvent): boolean;
};

/**
 * Something that reacts to domain events: automation rules, notifications, rollups. It runs in the dispatch
 * transaction, after the events' tickets are locked: what it writes commits together with the events being
 * marked done, so it happens exactly once. Anything that reaches outside (an HTTP call, an email) goes
 * through its own outbox row written here, never directly.
 */
export type EventConsumer = {
  name: string;
  /** The event types it wants; others pass it by. */
  types: readonly DomainEventType[] | 'all';
} & (
  | { handle: (scope: TenantScope, event: DispatchedEvent, batch: EventBatch) => Promise<void> }
  | {
      /**
       * Once for all the batch's events of its types, after every event's own consumers: for work that only
       * brings something to the tickets' current state (the dashboard's facts), where once per ticket is
       * enough and one statement for many tickets is far cheaper than one each.
       */
      handleAll: (scope: TenantScope, events: readonly DispatchedEvent[]) => Promise<void>;
    }
);

const wants = (consumer: EventConsumer, type: DomainEventType) =>
  consumer.types === 'all' || consumer.types.includes(type);

export function consumersOf(consumers: readonly EventConsumer[], type: DomainEventType) {
  return consumers.filter((c) => wants(c, type));
}

/** The events of the batch each consumer that takes them all at once wants, in the batch's order. */
export function batchConsumersOf(consumers: readonly EventConsumer[], events: readonly DispatchedEvent[]) {
  return consumers.flatMap((consumer) => {
    if (!('handleAll' in consumer)) return [];
    const wanted = events.filter((event) => wants(consumer, event.type));
    return wanted.length ? [{ consumer, events: wanted }] : [];
  });
}

export function eventBatch(events: readonly DispatchedEvent[]): EventBatch {
  const loaded = new Map<string, Promise<unknown>>();
  const position = new Map(events.map((event, index) => [event.id, index]));
  return {
    events,
    once<T>(key: string, load: () => Promise<T>) {
      // Promise.resolve settles a lazy query builder once: awaiting the builder itself would run it again.
      if (!loaded.has(key)) loaded.set(key, Promise.resolve(load()));
      return loaded.get(key) as Promise<T>;
    },
    followsSameTicket(event) {
      const index = position.get(event.id) ?? 0;
      return events.slice(0, index).some((earlier) => earlier.data.ticketId === event.data.ticketId);
    },
  };
}

import { eq, sql } from 'drizzle-orm';
import { tickets } from '@/server/db/schema';
import { runInTenant } from '@/server/db/tenant';
import type { DispatchedEvent, EventConsumer } from '@/server/services/outbox/event-batch';

/**
 * A consumer named `tagger` that adds `tag` to each event's ticket and then throws the error `failure` gives
 * for that event, if any: what a failed consumer wrote must be undone, what the others wrote must stay.
 */
export function taggingConsumer(tag: string, failure: (event: DispatchedEvent) => Error | null): EventConsumer {
  return {
    name: 'tagger',
    types: 'all',
    async handle(scope, event) {
      await scope.db
        .update(tickets)
        .set({ tags: sql`array_append(${tickets.tags}, ${tag})` })
        .where(eq(tickets.id, event.data.ticketId));
      const error = failure(event);
      if (error) throw error;
    },
  };
}

/** A ticket's tags as stored now. */
export async function storedTags(workspaceId: string, ticketId: string) {
  const [row] = await runInTenant(workspaceId, ({ db }) =>
    db.select({ tags: tickets.tags }).from(tickets).where(eq(tickets.id, ticketId)),
  );
  return row!.tags;
}

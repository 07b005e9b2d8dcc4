import { runInTenant, type TenantScope } from '@/server/db/tenant';
import type { JobPayload } from '@/server/queue/jobs';
import { recentIds } from '@/lib/utils/recent-ids';
import {
  claimEvent,
  claimEventBatch,
  lockEventTickets,
  markEventsDone,
  recordEventAttemptFailed,
} from '@/server/services/outbox/event-claims';
import {
  batchConsumersOf,
  consumersOf,
  eventBatch,
  type DispatchedEvent,
  type EventConsumer,
} from '@/server/services/outbox/event-batch';
import { EVENT_CONSUMERS } from '../events/consumers';

/**
 * How many pending events one job dispatches with its own. One transaction, one read of the rules and
 * calendar, one lock statement and one settling update for all of them: per event, only what its consumers
 * do themselves. Small enough that a batch holds its tickets' locks for a fraction of a second.
 */
export const EVENT_BATCH_SIZE = 100;

/**
 * Event ids this process has settled (done) lately: their own jobs, arriving after a batch took them, end
 * here without a transaction. Only committed outcomes go in, so a miss costs a database check, never a skip.
 */
const settledHere = recentIds(20_000);

/**
 * Forgets what this process settled, as a second worker process knows nothing of it: for tests that put a
 * done event back to pending to play a lost acknowledgement.
 */
export function forgetSettledEvents() {
  settledHere.clear();
}

/**
 * The events' consumers: each event's own in their listed order, events in the order recorded, then those
 * that take all the events at once. `onConsumer` hears which one is running, to name it in an error.
 */
async function runConsumers(
  scope: TenantScope,
  events: readonly DispatchedEvent[],
  consumers: readonly EventConsumer[],
  onConsumer: (name: string) => void = () => {},
) {
  const batch = eventBatch(events);
  for (const event of events)
    for (const consumer of consumersOf(consumers, event.type)) {
      if (!('handle' in consumer)) continue;
      onConsumer(consumer.name);
      await consumer.handle(scope, event, batch);
    }
  for (const { consumer, events: wanted } of batchConsumersOf(consumers, events)) {
    onConsumer(consumer.name);
    await consumer.handleAll(scope, wanted);
  }
}

/**
 * Each event alone in its own savepoint: a consumer that fails undoes its own writes, while the attempt and
 * error stay on that event's row and the others of the batch still go through.
 */
async function dispatchOneByOne(
  scope: TenantScope,
  events: readonly DispatchedEvent[],
  consumers: readonly EventConsumer[],
) {
  const failures = new Map<string, unknown>();
  for (const event of events) {
    let current = '';
    try {
      await scope.db.transaction((savepoint) =>
        runConsumers({ ...scope, db: savepoint }, [event], consumers, (name) => (current = name)),
      );
      await markEventsDone(scope, [event.id]);
    } catch (error) {
      failures.set(event.id, error);
      await recordEventAttemptFailed(scope, event.id, `${current}: ${String(error)}`);
    }
  }
  return failures;
}

/**
 * Hands the job's recorded event to its consumers, with up to EVENT_BATCH_SIZE - 1 other pending events of
 * its workspace when no other batch of it is running. The batch runs in one savepoint, events in the order
 * recorded and each event's consumers in their listed order; if any consumer fails (or a deadlock is
 * detected), the savepoint is rolled back and the same events go one by one, so one bad event never holds
 * back the others and never takes their writes with it.
 */
export async function processEventDispatch(
  { tenantId, outboxId }: JobPayload<'event.dispatch'>,
  consumers: readonly EventConsumer[] = EVENT_CONSUMERS,
) {
  if (settledHere.has(outboxId)) return { skipped: true as const };
  const outcome = await runInTenant(tenantId, async (scope) => {
    const own = await claimEvent(scope, outboxId);
    if (!own) return { skipped: true as const };
    const events = own.retried ? [own.event] : await claimEventBatch(scope, own.event, EVENT_BATCH_SIZE);
    await lockEventTickets(scope, events);
    const ids = events.map((e) => e.id);
    const names = consumersOf(consumers, own.event.type).map((c) => c.name);
    if (events.length > 1) {
      try {
        await scope.db.transaction((savepoint) => runConsumers({ ...scope, db: savepoint }, events, consumers));
        await markEventsDone(scope, ids);
        return { consumers: names, settled: ids };
      } catch {
        // Rolled back to the savepoint: the events are still locked and pending; they go one by one below.
      }
    }
    const failures = await dispatchOneByOne(scope, events, consumers);
    return { consumers: names, settled: ids.filter((id) => !failures.has(id)), error: failures.get(outboxId) };
  });
  if ('skipped' in outcome) return outcome;
  settledHere.add(outcome.settled);
  // Thrown after the commit so BullMQ retries with backoff and the failure stays visible on the row. A
  // sibling that failed keeps its error on its row; its own job (waiting on the lock, or still queued) or the
  // sweep dispatches it again, alone.
  if (outcome.error !== undefined) throw outcome.error;
  return { consumers: outcome.consumers };
}

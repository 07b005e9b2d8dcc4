import { tracked } from '@trpc/server';
import { watchWorkspace } from '@/server/live/hub';
import type { LiveEvent } from '@/server/live/publish';
import { router, tenantProcedure } from '@/server/trpc/init';

export const liveRouter = router({
  /** Server-sent events: ids of tickets that changed in the member's workspace; clients re-read them. */
  events: tenantProcedure.subscription(async function* ({ ctx, signal }) {
    const queue: LiveEvent[] = [];
    let wake: (() => void) | null = null;
    const stop = watchWorkspace(ctx.scope.tenantId, (event) => {
      queue.push(event);
      wake?.();
    });
    try {
      while (!signal?.aborted) {
        const event = queue.shift();
        if (event) {
          yield tracked(`${event.ticketId}-${event.at}`, { type: event.type, ticketId: event.ticketId });
          continue;
        }
        await new Promise<void>((resolve) => {
          wake = resolve;
          signal?.addEventListener('abort', () => resolve(), { once: true });
        });
        wake = null;
      }
    } finally {
      stop();
    }
  }),
});

import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { saveRuleInput } from '@/lib/validators/automation';
import { processEventDispatch } from '@/jobs/processors/event-dispatch';
import { outbox } from '@/server/db/schema';
import { runInTenant } from '@/server/db/tenant';
import { saveRule } from '@/server/services/automation/rules';
import { uniqueSuffix } from './factories';

/** A rule saved through the same validator and service as the admin screen; named uniquely unless given. */
export function createTestRule(workspaceId: string, input: Partial<z.input<typeof saveRuleInput>>) {
  const parsed = saveRuleInput.parse({
    name: `Rule ${uniqueSuffix()}`,
    kind: 'event',
    triggers: ['ticket.created'],
    actions: [{ type: 'add_tags', tags: ['ruled'] }],
    ...input,
  });
  return runInTenant(workspaceId, (scope) => saveRule(scope, parsed));
}

/**
 * Hands every pending domain event of the workspace to the consumers, oldest first, as the worker does,
 * until none is left (rules' changes raise events of their own). Returns how many were dispatched; stops
 * at `limit` so a rule loop the guard missed fails the test instead of hanging it.
 */
export async function dispatchPendingEvents(workspaceId: string, limit = 200) {
  let dispatched = 0;
  for (;;) {
    const [next] = await runInTenant(workspaceId, ({ db }) =>
      db
        .select({ id: outbox.id })
        .from(outbox)
        .where(and(eq(outbox.kind, 'event'), eq(outbox.status, 'pending')))
        .orderBy(asc(outbox.createdAt))
        .limit(1),
    );
    if (!next) return dispatched;
    if (++dispatched > limit) throw new Error(`more than ${limit} events: a rule loop was not stopped`);
    await processEventDispatch({ tenantId: workspaceId, outboxId: next.id });
  }
}

import { ticketActivities, type ActivityChanges } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { actorColumns, type TicketActor } from './actor';

/** Field-by-field difference between two snapshots, for the activity log. */
export function diffFields<T extends Record<string, unknown>>(before: T, after: Partial<T>): ActivityChanges {
  const changes: ActivityChanges = {};
  for (const [key, to] of Object.entries(after)) {
    if (to === undefined) continue;
    const from = before[key];
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[key] = { from: from ?? null, to: to ?? null };
  }
  return changes;
}

export async function recordActivity(
  scope: TenantScope,
  input: { ticketId: string; actor: TicketActor; action: string; changes?: ActivityChanges; reason?: string | null },
) {
  await scope.db.insert(ticketActivities).values({
    tenantId: scope.tenantId,
    ticketId: input.ticketId,
    ...actorColumns(input.actor),
    action: input.action,
    changes: input.changes ?? {},
    reason: input.reason ?? null,
  });
}

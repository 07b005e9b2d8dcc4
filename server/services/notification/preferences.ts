import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { AGENT_NOTIFICATION_LABELS, AGENT_NOTIFICATION_TYPES } from '@/lib/constants/notification';
import type { updateNotificationPreferencesInput } from '@/lib/validators/notification';
import { notificationPreferences } from '@/server/db/schema';
import type { StaffScope } from '@/server/services/types';

/** The signed-in member's own choices in this workspace; every type is on until they turn it off. */
export async function getNotificationPreferences(scope: StaffScope) {
  const rows = await scope.db
    .select()
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, scope.actor.userId));
  const stored = new Map(rows.map((r) => [r.type, r.enabled]));
  return AGENT_NOTIFICATION_TYPES.map((type) => ({
    type,
    ...AGENT_NOTIFICATION_LABELS[type],
    enabled: stored.get(type) ?? true,
  }));
}

export async function updateNotificationPreferences(
  scope: StaffScope,
  input: z.output<typeof updateNotificationPreferencesInput>,
) {
  for (const { type, enabled } of input.preferences) {
    await scope.db
      .insert(notificationPreferences)
      .values({ tenantId: scope.tenantId, userId: scope.actor.userId, type, enabled })
      .onConflictDoUpdate({
        target: [notificationPreferences.tenantId, notificationPreferences.userId, notificationPreferences.type],
        set: { enabled, updatedAt: sql`now()` },
      });
  }
  return getNotificationPreferences(scope);
}

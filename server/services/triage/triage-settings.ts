import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { updateTriageSettingsInput } from '@/lib/validators/triage';
import { triageSettings } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { enqueue } from '@/server/queue/enqueue';

export type TriageSettingsRow = typeof triageSettings.$inferSelect;

/** The workspace's triage row, or its defaults before anything was saved or trained. */
export async function readTriageSettings(scope: TenantScope): Promise<TriageSettingsRow | null> {
  const [row] = await scope.db.select().from(triageSettings).where(eq(triageSettings.tenantId, scope.tenantId));
  return row ?? null;
}

/** What the admin page shows: the settings and how well the models did, never the models themselves. */
export async function getTriageOverview(scope: TenantScope) {
  const row = await readTriageSettings(scope);
  return {
    threshold: row?.threshold ?? 0.6,
    kbNoteEnabled: row?.kbNoteEnabled ?? true,
    categoryAccuracy: row?.categoryAccuracy ?? null,
    priorityAccuracy: row?.priorityAccuracy ?? null,
    trainedOn: row?.trainedOn ?? 0,
    heldBack: row?.heldBack ?? 0,
    trainedAt: row?.trainedAt ?? null,
    trainRequestedAt: row?.trainRequestedAt ?? null,
  };
}

export async function updateTriageSettings(scope: TenantScope, input: z.output<typeof updateTriageSettingsInput>) {
  await scope.db
    .insert(triageSettings)
    .values({ tenantId: scope.tenantId, ...input })
    .onConflictDoUpdate({ target: triageSettings.tenantId, set: { ...input, updatedAt: new Date() } });
  return getTriageOverview(scope);
}

/** Queues a training run of this workspace; one waits at a time (the job id is the workspace's). */
export function enqueueTriageTraining(tenantId: string) {
  return enqueue('triage.train', { tenantId }, { key: tenantId, removeOnComplete: true, removeOnFail: true });
}

/**
 * "Retrain now": recorded in the row (the nightly run picks it up if the queue loses the job) and queued
 * after commit. The page polls until trainedAt moves.
 */
export async function requestTriageTraining(scope: TenantScope) {
  const now = new Date();
  await scope.db
    .insert(triageSettings)
    .values({ tenantId: scope.tenantId, trainRequestedAt: now })
    .onConflictDoUpdate({ target: triageSettings.tenantId, set: { trainRequestedAt: now } });
  const tenantId = scope.tenantId;
  scope.afterCommit(() => enqueueTriageTraining(tenantId));
  return getTriageOverview(scope);
}

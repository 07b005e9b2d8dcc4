import { ALL_WORKSPACES, forEachWorkspace } from '@/server/db/for-each-workspace';
import { runInTenant } from '@/server/db/tenant';
import type { JobPayload } from '@/server/queue/jobs';
import { trainTriage } from '@/server/services/triage/train-triage';

/** Nightly: each workspace's models follow what its agents solved during the day. */
export const TRIAGE_TRAIN_EVERY_MS = 24 * 60 * 60_000;

/** "Retrain now" of one workspace. Training again is harmless, so a job run twice does no harm. */
export function processTriageTrain({ tenantId }: JobPayload<'triage.train'>) {
  return runInTenant(tenantId, (scope) => trainTriage(scope));
}

/** Every workspace, one transaction each: also catches a "Retrain now" whose job the queue lost. */
export function processTriageTrainAll() {
  return forEachWorkspace(ALL_WORKSPACES, (tenantId) => runInTenant(tenantId, (scope) => trainTriage(scope)));
}

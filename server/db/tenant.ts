import { sql } from 'drizzle-orm';
import { logError } from '@/server/errors';
import { getDb, type Tx } from './client';
import { APP_ROLE } from './urls';

export type TenantScope = {
  db: Tx;
  tenantId: string;
  /** Runs after commit: queue nudges only, the outbox row is the truth. */
  afterCommit: (fn: () => Promise<unknown>) => void;
};

type Identity = { tenantId?: string | null; userId?: string | null };

/**
 * One transaction per request or job. The role and settings are transaction-local, so they die with it.
 * Setting the role here (not only at connect) keeps the wall on the embedded database, whose single
 * session is shared by every connection.
 */
async function runAsAppRole<T>(identity: Identity, work: (tx: Tx, after: Array<() => Promise<unknown>>) => Promise<T>) {
  const after: Array<() => Promise<unknown>> = [];
  const result = await getDb().transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('role', ${APP_ROLE}, true), set_config('app.tenant_id', ${identity.tenantId ?? ''}, true), set_config('app.user_id', ${identity.userId ?? ''}, true)`,
    );
    return work(tx, after);
  });
  // At once, not one after another: they are independent nudges, and a transaction that queued fifty mails
  // would otherwise wait fifty round trips to Redis before its caller hears back.
  await Promise.all(after.map((fn) => fn().catch(logError)));
  return result;
}

export function runInTenant<T>(tenantId: string, work: (scope: TenantScope) => Promise<T>, userId?: string | null) {
  return runAsAppRole({ tenantId, userId }, (tx, after) =>
    work({ db: tx, tenantId, afterCommit: (fn) => after.push(fn) }),
  );
}

/** For work before a workspace is known (sign-in, listing one's own workspaces). Tenant tables show no rows. */
export function runWithoutTenant<T>(work: (tx: Tx) => Promise<T>, userId?: string | null) {
  return runAsAppRole({ userId }, (tx) => work(tx));
}

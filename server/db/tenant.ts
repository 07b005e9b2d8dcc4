import { sql } from 'drizzle-orm';
import { logError } from '@/server/errors';
import { getDb, type Tx } from './client';
import { APP_ROLE } from './urls';
import { isUuid } from '@/lib/utils/uuid';

export type TenantScope = {
  db: Tx;
  tenantId: string;
  /** Runs after commit: queue nudges only, the outbox row is the truth. */
  afterCommit: (fn: () => Promise<unknown>) => void;
};

type Identity = { tenantId?: string | null; userId?: string | null };

/**
 * The transaction's role and identity. Ids of a UUID's shape (all of ours) are written into the statement
 * rather than passed as parameters: a statement without parameters is sent with the transaction's `begin` in
 * one round trip (deferred-begin-client.ts). The shape check is what makes the literal safe; anything else
 * goes as parameters.
 */
function identitySettings(identity: Identity) {
  const tenantId = identity.tenantId ?? '';
  const userId = identity.userId ?? '';
  if ([tenantId, userId].every((id) => id === '' || isUuid(id)))
    return sql.raw(
      `select set_config('role', '${APP_ROLE}', true), set_config('app.tenant_id', '${tenantId}', true), set_config('app.user_id', '${userId}', true)`,
    );
  return sql`select set_config('role', ${APP_ROLE}, true), set_config('app.tenant_id', ${tenantId}, true), set_config('app.user_id', ${userId}, true)`;
}

/**
 * One transaction per request or job. The role and settings are transaction-local, so they die with it.
 * Setting the role here (not only at connect) keeps the wall on the embedded database, whose single
 * session is shared by every connection.
 */
async function runAsAppRole<T>(identity: Identity, work: (tx: Tx, after: Array<() => Promise<unknown>>) => Promise<T>) {
  const after: Array<() => Promise<unknown>> = [];
  const result = await getDb().transaction(async (tx) => {
    await tx.execute(identitySettings(identity));
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

import { and, eq, isNull } from 'drizzle-orm';
import { customers } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';

/**
 * The customer behind a portal session, unless their data was erased. Sessions are signed cookies that
 * cannot be recalled, so an erased customer's session ends here, in the transaction that would use it.
 */
export async function findActiveCustomer(scope: TenantScope, customerId: string) {
  const [customer] = await scope.db
    .select()
    .from(customers)
    .where(and(eq(customers.id, customerId), isNull(customers.erasedAt)));
  return customer ?? null;
}

import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { customers } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';

/**
 * A permanent delivery failure marks the address as bouncing: agents see it on the customer, and mail to it
 * is held until it is cleared. Marked by the address, so every ticket of the customer is covered.
 */
export async function markEmailBouncing(scope: TenantScope, email: string, reason: string) {
  await scope.db
    .update(customers)
    .set({ emailBouncingAt: new Date(), emailBounceReason: reason.slice(0, 500) })
    .where(eq(customers.email, email.toLowerCase()));
}

/** The customer wrote in again from the address, or an agent cleared the mark: mail to it resumes. */
export async function clearEmailBouncing(scope: TenantScope, email: string) {
  await scope.db
    .update(customers)
    .set({ emailBouncingAt: null, emailBounceReason: null })
    .where(and(eq(customers.email, email.toLowerCase()), isNotNull(customers.emailBouncingAt)));
}

/** Which of these addresses are marked bouncing (mail to them is held). */
export async function bouncingAddresses(scope: TenantScope, emails: readonly string[]): Promise<Set<string>> {
  if (!emails.length) return new Set();
  const rows = await scope.db
    .select({ email: customers.email })
    .from(customers)
    .where(
      and(
        inArray(customers.email, [...new Set(emails.map((e) => e.toLowerCase()))]),
        isNotNull(customers.emailBouncingAt),
      ),
    );
  return new Set(rows.map((r) => r.email));
}

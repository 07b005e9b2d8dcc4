import { and, eq } from 'drizzle-orm';
import { customers } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { upsertCustomerByEmail } from '@/server/services/customer/customers';
import type { VerifiedVisitor } from './widget-identity';

/** The customer a verified visitor is, found by the host's user id only (never by email). */
export async function findVisitorCustomer(scope: TenantScope, visitor: VerifiedVisitor) {
  const [found] = await scope.db
    .select({ id: customers.id, name: customers.name, email: customers.email, erasedAt: customers.erasedAt })
    .from(customers)
    .where(and(eq(customers.tenantId, scope.tenantId), eq(customers.externalId, visitor.externalId)));
  return found && !found.erasedAt ? found : null;
}

/**
 * The requester of a widget request. A verified visitor is their host user id's customer, created with
 * that id on first use. When their email already belongs to another customer, the request is filed for
 * that address (as a mail to it would be) but the id is not attached to it: a signed id with someone
 * else's email must not open that person's tickets. Anyone else files by the email they typed.
 */
export async function widgetRequester(
  scope: TenantScope,
  visitor: VerifiedVisitor | null,
  contact: { email: string; name: string | undefined },
) {
  if (visitor) {
    const known = await findVisitorCustomer(scope, visitor);
    if (known) return known;
    const [created] = await scope.db
      .insert(customers)
      .values({
        tenantId: scope.tenantId,
        email: contact.email,
        name: contact.name ?? '',
        externalId: visitor.externalId,
      })
      .onConflictDoNothing()
      .returning();
    if (created) return created;
  }
  return upsertCustomerByEmail(scope, contact);
}

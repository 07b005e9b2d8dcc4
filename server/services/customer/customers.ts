import { and, asc, desc, eq, ilike, or, sql } from 'drizzle-orm';
import { customers, organizations } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { withUniqueViolationAs } from '@/server/db/errors';
import { insertInWorkspace } from '@/server/db/insert-in-workspace';
import { AppError, notFound } from '@/server/errors';

const duplicate = () =>
  new AppError('CONFLICT', 'A customer with this email or external id already exists in this workspace.', {
    field: 'email',
  });

async function assertOrganization(scope: TenantScope, organizationId: string | null | undefined) {
  if (!organizationId) return;
  const [org] = await scope.db
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  if (!org) throw notFound('The organization');
}

/** Newest first, keyset-paginated on (created_at, id) so deep pages stay fast. */
export async function listCustomers(
  scope: TenantScope,
  input: { search?: string; cursor?: string | null; limit: number },
) {
  const conditions = [eq(customers.tenantId, scope.tenantId)];
  if (input.search) {
    const term = `%${input.search.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(customers.email, term), ilike(customers.name, term))!);
  }
  if (input.cursor) {
    // Compare against the cursor row's own stored values: a timestamp sent through JSON loses microseconds.
    conditions.push(
      sql`(${customers.createdAt}, ${customers.id}) < (select c.created_at, c.id from customers c where c.id = ${input.cursor})`,
    );
  }
  const rows = await scope.db
    .select()
    .from(customers)
    .where(and(...conditions))
    .orderBy(desc(customers.createdAt), desc(customers.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return { items: page, nextCursor: rows.length > input.limit && last ? last.id : null };
}

export async function getCustomer(scope: TenantScope, input: { customerId: string }) {
  const [customer] = await scope.db.select().from(customers).where(eq(customers.id, input.customerId));
  if (!customer) throw notFound('The customer');
  return customer;
}

export async function createCustomer(
  scope: TenantScope,
  input: { email: string; name: string; externalId?: string; organizationId?: string },
) {
  await assertOrganization(scope, input.organizationId);
  return withUniqueViolationAs(duplicate, () => insertInWorkspace(scope, customers, input));
}

export async function updateCustomer(
  scope: TenantScope,
  input: { customerId: string; name?: string; externalId?: string | null; organizationId?: string | null },
) {
  const { customerId, ...changes } = input;
  await assertOrganization(scope, changes.organizationId);
  return withUniqueViolationAs(duplicate, async () => {
    const [customer] = await scope.db
      .update(customers)
      .set({ ...changes, updatedAt: new Date() })
      .where(eq(customers.id, customerId))
      .returning();
    if (!customer) throw notFound('The customer');
    return customer;
  });
}

export function listOrganizations(scope: TenantScope) {
  return scope.db
    .select()
    .from(organizations)
    .where(eq(organizations.tenantId, scope.tenantId))
    .orderBy(asc(organizations.name));
}

export function createOrganization(scope: TenantScope, input: { name: string; domain?: string }) {
  return withUniqueViolationAs(
    () => new AppError('CONFLICT', `An organization called "${input.name}" already exists.`, { field: 'name' }),
    () => insertInWorkspace(scope, organizations, input),
  );
}

/** Finds or creates the customer for an address; used by portal sign-in and, later, inbound mail. */
export async function upsertCustomerByEmail(scope: TenantScope, input: { email: string; name?: string }) {
  const [existing] = await scope.db.select().from(customers).where(eq(customers.email, input.email));
  if (existing) return existing;
  const [created] = await scope.db
    .insert(customers)
    .values({ tenantId: scope.tenantId, email: input.email, name: input.name ?? '' })
    .onConflictDoUpdate({ target: [customers.tenantId, customers.email], set: { updatedAt: new Date() } })
    .returning();
  return created!;
}

/**
 * The customer a mail comes from, found or created, with their address's bouncing mark cleared (they wrote
 * in from it, so it works again): one statement where there were three (clear, look up, insert). Only the
 * id comes back: the row a statement reads is the one from before its own update.
 */
export async function customerWritingIn(scope: TenantScope, input: { email: string; name?: string }) {
  const email = input.email.toLowerCase();
  const found = await scope.db.execute<{ id: string }>(sql`
    with cleared as (
      update customers set email_bouncing_at = null, email_bounce_reason = null
      where tenant_id = ${scope.tenantId} and email = ${email} and email_bouncing_at is not null
      returning id
    ), created as (
      insert into customers (tenant_id, email, name) values (${scope.tenantId}, ${email}, ${input.name ?? ''})
      on conflict (tenant_id, email) do nothing
      returning id
    )
    select id from created
    union all
    select id from customers
    where tenant_id = ${scope.tenantId} and email = ${email} and not exists (select 1 from created)`);
  if (found.rows[0]) return found.rows[0].id;
  // Created by another transaction after this statement's snapshot was taken: there now, found by the upsert.
  return (await upsertCustomerByEmail(scope, { email, name: input.name })).id;
}

import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from './columns';
import { tenants } from './tenants';

export const organizations = pgTable(
  'organizations',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    domain: text('domain'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('organizations_tenant_name_key').on(t.tenantId, t.name)],
);

/** End users of a workspace: they file tickets and sign in to its portal. Emails are stored lower-case. */
export const customers = pgTable(
  'customers',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    name: text('name').notNull().default(''),
    externalId: text('external_id'),
    organizationId: uuid('organization_id').references(() => organizations.id, { onDelete: 'set null' }),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }),
    /** Set when the customer's personal data was erased at their request; their portal sessions end. */
    erasedAt: timestamp('erased_at', { withTimezone: true }),
    /**
     * Set when a delivery report said mail to this address failed permanently: agents see it, and mail to the
     * address is held (not sent) until an agent clears the mark or the customer writes in again.
     */
    emailBouncingAt: timestamp('email_bouncing_at', { withTimezone: true }),
    emailBounceReason: text('email_bounce_reason'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('customers_tenant_email_key').on(t.tenantId, t.email),
    uniqueIndex('customers_tenant_external_id_key').on(t.tenantId, t.externalId),
    index('customers_tenant_created_idx').on(t.tenantId, t.createdAt),
  ],
);

/** Portal magic links: single-use, short-lived, hash stored. */
export const customerLoginTokens = pgTable(
  'customer_login_tokens',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('customer_login_tokens_hash_key').on(t.tenantId, t.tokenHash)],
);

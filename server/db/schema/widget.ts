import { boolean, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { WIDGET_POSITIONS } from '@/lib/constants/widget';
import { id, updatedAt } from './columns';
import { tenants } from './tenants';

/**
 * The embeddable support button of one workspace. No row means the widget has never been set up: it runs
 * on no origin. `secret` signs visitor identities (HMAC-SHA256 of the host's user id); during a rotation
 * `previous_secret` stays valid too, until the admin ends the rotation. Secrets are kept readable because
 * verifying an HMAC needs them; they are shown to the admin only when made.
 */
export const widgetSettings = pgTable(
  'widget_settings',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    allowedOrigins: text('allowed_origins').array().notNull().default([]),
    position: text('position', { enum: WIDGET_POSITIONS }).notNull().default('bottom-right'),
    color: text('color').notNull().default('#4f46e5'),
    greeting: text('greeting').notNull().default('Hi! How can we help?'),
    articlesEnabled: boolean('articles_enabled').notNull().default(true),
    contactFormEnabled: boolean('contact_form_enabled').notNull().default(true),
    conversationsEnabled: boolean('conversations_enabled').notNull().default(true),
    /** Only takes effect once a secret exists; on by default so a new secret protects at once. */
    requireVerifiedIdentity: boolean('require_verified_identity').notNull().default(true),
    secret: text('secret'),
    previousSecret: text('previous_secret'),
    secretRotatedAt: timestamp('secret_rotated_at', { withTimezone: true }),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('widget_settings_tenant_key').on(t.tenantId)],
);

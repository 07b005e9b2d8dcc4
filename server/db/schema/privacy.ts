import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import {
  AUDIT_ACTIONS,
  AUDIT_SUBJECT_TYPES,
  PRIVACY_REQUEST_KINDS,
  PRIVACY_REQUEST_STATUSES,
} from '@/lib/constants/privacy';
import { createdAt, id } from './columns';
import { customers } from './customers';
import { tenants } from './tenants';
import { users } from './users';

export const privacyRequestKind = pgEnum('privacy_request_kind', PRIVACY_REQUEST_KINDS);
export const privacyRequestStatus = pgEnum('privacy_request_status', PRIVACY_REQUEST_STATUSES);
export const auditAction = pgEnum('audit_action', AUDIT_ACTIONS);
export const auditSubjectType = pgEnum('audit_subject_type', AUDIT_SUBJECT_TYPES);

/**
 * An export or erasure asked for by an admin and carried out by the worker. The row is the pending work
 * (a sweep re-enqueues it if its job is lost) and the state the admin sees. It holds ids, never the
 * customer's address: after an erasure nothing here points back to the person.
 */
export const privacyRequests = pgTable(
  'privacy_requests',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    kind: privacyRequestKind('kind').notNull(),
    status: privacyRequestStatus('status').notNull().default('pending'),
    customerId: uuid('customer_id').references(() => customers.id, { onDelete: 'set null' }),
    requestedByUserId: uuid('requested_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** The export's JSON file in the attachment store; removed when its link expires. */
    fileKey: text('file_key'),
    fileSizeBytes: integer('file_size_bytes'),
    fileExpiresAt: timestamp('file_expires_at', { withTimezone: true }),
    lastError: text('last_error'),
    createdAt: createdAt(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [
    index('privacy_requests_customer_idx').on(t.tenantId, t.customerId, t.createdAt.desc()),
    index('privacy_requests_pending_idx')
      .on(t.tenantId)
      .where(sql`status = 'pending'`),
  ],
);

export type AuditDetails = Record<string, string | number | boolean | null>;

/** Who did what to whom in a workspace. `actor_user_id` null: the worker acting on a schedule. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    action: auditAction('action').notNull(),
    subjectType: auditSubjectType('subject_type').notNull(),
    subjectId: uuid('subject_id').notNull(),
    details: jsonb('details').$type<AuditDetails>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index('audit_log_subject_idx').on(t.tenantId, t.subjectId, t.createdAt.desc())],
);

import { index, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { SUPPORT_ACTIVITY_KINDS, SUPPORT_SOURCES } from '@/lib/constants/support';
import { id } from './columns';
import { tenants } from './tenants';

export const supportSource = pgEnum('support_source', SUPPORT_SOURCES);
export const supportActivityKind = pgEnum('support_activity_kind', SUPPORT_ACTIVITY_KINDS);

/**
 * What anonymous support sessions did (viewed an article, searched, filed a request), for deflection. A
 * session is a random id kept by the browser tab; no person, address or typed text is stored here. Article
 * and ticket ids are plain columns, not foreign keys: deleting an article must not rewrite past statistics.
 */
export const supportActivity = pgTable(
  'support_activity',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    sessionId: uuid('session_id').notNull(),
    source: supportSource('source').notNull(),
    kind: supportActivityKind('kind').notNull(),
    /** The page the session was on, path only (no query string, which may carry personal data). */
    pagePath: text('page_path').notNull(),
    articleId: uuid('article_id'),
    ticketId: uuid('ticket_id'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('support_activity_tenant_occurred_idx').on(t.tenantId, t.occurredAt),
    index('support_activity_tenant_session_idx').on(t.tenantId, t.sessionId, t.occurredAt),
  ],
);

import { and, asc, eq, getTableColumns, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable, SelectedFields } from 'drizzle-orm/pg-core';
import type { SelectResultFields } from 'drizzle-orm/query-builders/select.types';
import { env } from '@/lib/env';
import {
  articleFeedback,
  articles,
  attachments,
  auditLog,
  customerLoginTokens,
  customers,
  organizations,
  outbox,
  ticketActivities,
  ticketFields,
  ticketMessages,
  tickets,
} from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { notFound } from '@/server/errors';

export const CUSTOMER_EXPORT_FORMAT = 'cairn.customer-export.v1';

type DatedTable = PgTable & { createdAt: PgColumn };

/**
 * Everything the workspace holds about one customer, as the customer could see it: their record, the
 * tickets they requested with the messages they wrote and the public replies they received (internal notes
 * are the workspace's, not theirs), their files' metadata, portal sign-in links, help-center feedback,
 * the mails sent to them and the audit entries about them.
 *
 * Files are listed with a download link rather than copied in: the export stays one JSON document, and
 * each file stays behind the attachment route's own access check (the admin downloads what the customer
 * asked for). Agents appear as "agent", without their names: those are staff data, not the customer's.
 */
export async function buildCustomerExport(scope: TenantScope, customerId: string) {
  const [row] = await scope.db
    .select({ customer: customers, organization: organizations.name })
    .from(customers)
    .leftJoin(organizations, eq(organizations.id, customers.organizationId))
    .where(eq(customers.id, customerId));
  if (!row) throw notFound('The customer');
  const { customer } = row;

  // Every section lists its records oldest first. Drizzle cannot type a select from a table passed in: the
  // columns asked for say what each row holds.
  const oldestFirst = async <S extends SelectedFields>(table: DatedTable, columns: S, where: SQL | undefined) => {
    const rows = await scope.db.select(columns).from(table).where(where).orderBy(asc(table.createdAt));
    return rows as Array<SelectResultFields<S>>;
  };

  // Some of a table's columns, named: a section that shows only those asks for them in one line.
  const columnsOf = <T extends PgTable, K extends keyof T['_']['columns'] & string>(table: T, ...names: K[]) => {
    const all = getTableColumns(table);
    return Object.fromEntries(names.map((name) => [name, all[name]])) as Pick<T['_']['columns'], K>;
  };

  const ticketRows = await oldestFirst(tickets, getTableColumns(tickets), eq(tickets.requesterId, customerId));
  const ticketIds = ticketRows.map((t) => t.id);
  // Public replies on their tickets, and anything they wrote anywhere (a ticket merged away, a CC'd thread).
  const ownOrPublic = or(
    eq(ticketMessages.authorCustomerId, customerId),
    ticketIds.length ? and(inArray(ticketMessages.ticketId, ticketIds), eq(ticketMessages.kind, 'reply')) : undefined,
  );
  const messageRows = await oldestFirst(
    ticketMessages,
    columnsOf(ticketMessages, 'id', 'ticketId', 'authorType', 'authorCustomerId', 'body', 'createdAt'),
    ownOrPublic,
  );
  const messageIds = messageRows.map((m) => m.id);
  const fileRows = await oldestFirst(
    attachments,
    getTableColumns(attachments),
    or(
      eq(attachments.uploadedByCustomerId, customerId),
      messageIds.length ? inArray(attachments.messageId, messageIds) : undefined,
    ),
  );
  const visibleFields = new Set(
    (
      await scope.db
        .select({ key: ticketFields.key })
        .from(ticketFields)
        .where(eq(ticketFields.visibleToCustomers, true))
    ).map((f) => f.key),
  );

  const fileOf = (f: typeof attachments.$inferSelect) => ({
    id: f.id,
    filename: f.filename,
    contentType: f.contentType,
    sizeBytes: f.sizeBytes,
    sha256: f.sha256,
    uploadedAt: f.createdAt,
    uploadedByCustomer: f.uploadedByCustomerId === customerId,
    downloadUrl: new URL(`/api/attachments/${f.id}`, env.APP_URL).toString(),
  });
  const messageOf = (m: (typeof messageRows)[number]) => ({
    id: m.id,
    ticketId: m.ticketId,
    from: m.authorCustomerId === customerId ? 'customer' : m.authorType,
    body: m.body,
    createdAt: m.createdAt,
    attachments: fileRows.filter((f) => f.messageId === m.id).map(fileOf),
  });

  const loginLinks = await oldestFirst(
    customerLoginTokens,
    columnsOf(customerLoginTokens, 'createdAt', 'expiresAt', 'usedAt'),
    eq(customerLoginTokens.email, customer.email),
  );
  // The title the article has now, as a scalar subquery so that every section is one oldestFirst query. Feedback
  // is deleted with its article, so there always is one.
  const articleTitle = sql<string>`(
    select ${articles.title} from ${articles} where ${articles.id} = ${articleFeedback.articleId}
  )`;
  const feedback = await oldestFirst(
    articleFeedback,
    {
      article: articleTitle,
      helpful: articleFeedback.helpful,
      comment: articleFeedback.comment,
      createdAt: articleFeedback.createdAt,
    },
    eq(articleFeedback.customerId, customerId),
  );
  const activity = await oldestFirst(
    ticketActivities,
    columnsOf(ticketActivities, 'ticketId', 'action', 'changes', 'createdAt'),
    eq(ticketActivities.actorCustomerId, customerId),
  );
  const mails = await oldestFirst(
    outbox,
    {
      subject: sql<string>`${outbox.payload}->>'subject'`,
      status: outbox.status,
      createdAt: outbox.createdAt,
      sentAt: outbox.doneAt,
    },
    and(eq(outbox.kind, 'email'), sql`${outbox.payload}->>'to' = ${customer.email}`),
  );
  const audit = await oldestFirst(
    auditLog,
    { action: auditLog.action, details: auditLog.details, at: auditLog.createdAt },
    and(eq(auditLog.subjectType, 'customer'), eq(auditLog.subjectId, customerId)),
  );

  return {
    format: CUSTOMER_EXPORT_FORMAT,
    generatedAt: new Date(),
    customer: {
      id: customer.id,
      email: customer.email,
      name: customer.name,
      externalId: customer.externalId,
      organization: row.organization,
      createdAt: customer.createdAt,
      updatedAt: customer.updatedAt,
      lastSeenAt: customer.lastSeenAt,
      erasedAt: customer.erasedAt,
    },
    tickets: ticketRows.map((t) => ({
      id: t.id,
      number: t.number,
      subject: t.subject,
      status: t.status,
      priority: t.priority,
      channel: t.channel,
      context: t.context,
      fields: Object.fromEntries(Object.entries(t.customFields).filter(([key]) => visibleFields.has(key))),
      createdAt: t.createdAt,
      solvedAt: t.solvedAt,
      closedAt: t.closedAt,
      messages: messageRows.filter((m) => m.ticketId === t.id).map(messageOf),
    })),
    messagesOnOtherTickets: messageRows.filter((m) => !ticketIds.includes(m.ticketId)).map(messageOf),
    unattachedUploads: fileRows.filter((f) => !f.messageId).map(fileOf),
    // Portal sessions are signed cookies, not stored: the sign-in links and last visit are what exists.
    portal: { lastSeenAt: customer.lastSeenAt, loginLinks },
    helpCenterFeedback: feedback,
    ticketActivity: activity,
    mails,
    auditEntries: audit,
  };
}

export type CustomerExport = Awaited<ReturnType<typeof buildCustomerExport>>;

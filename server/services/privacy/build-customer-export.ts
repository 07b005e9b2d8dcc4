import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
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

  const ticketRows = await scope.db
    .select()
    .from(tickets)
    .where(eq(tickets.requesterId, customerId))
    .orderBy(asc(tickets.createdAt));
  const ticketIds = ticketRows.map((t) => t.id);
  // Public replies on their tickets, and anything they wrote anywhere (a ticket merged away, a CC'd thread).
  const ownOrPublic = or(
    eq(ticketMessages.authorCustomerId, customerId),
    ticketIds.length ? and(inArray(ticketMessages.ticketId, ticketIds), eq(ticketMessages.kind, 'reply')) : undefined,
  );
  const messageRows = await scope.db
    .select({
      id: ticketMessages.id,
      ticketId: ticketMessages.ticketId,
      authorType: ticketMessages.authorType,
      authorCustomerId: ticketMessages.authorCustomerId,
      body: ticketMessages.body,
      createdAt: ticketMessages.createdAt,
    })
    .from(ticketMessages)
    .where(ownOrPublic)
    .orderBy(asc(ticketMessages.createdAt));
  const messageIds = messageRows.map((m) => m.id);
  const fileRows = await scope.db
    .select()
    .from(attachments)
    .where(
      or(
        eq(attachments.uploadedByCustomerId, customerId),
        messageIds.length ? inArray(attachments.messageId, messageIds) : undefined,
      ),
    )
    .orderBy(asc(attachments.createdAt));
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

  const loginLinks = await scope.db
    .select({
      createdAt: customerLoginTokens.createdAt,
      expiresAt: customerLoginTokens.expiresAt,
      usedAt: customerLoginTokens.usedAt,
    })
    .from(customerLoginTokens)
    .where(eq(customerLoginTokens.email, customer.email))
    .orderBy(asc(customerLoginTokens.createdAt));
  const feedback = await scope.db
    .select({
      article: articles.title,
      helpful: articleFeedback.helpful,
      comment: articleFeedback.comment,
      createdAt: articleFeedback.createdAt,
    })
    .from(articleFeedback)
    .leftJoin(articles, eq(articles.id, articleFeedback.articleId))
    .where(eq(articleFeedback.customerId, customerId))
    .orderBy(asc(articleFeedback.createdAt));
  const activity = await scope.db
    .select({
      ticketId: ticketActivities.ticketId,
      action: ticketActivities.action,
      changes: ticketActivities.changes,
      createdAt: ticketActivities.createdAt,
    })
    .from(ticketActivities)
    .where(eq(ticketActivities.actorCustomerId, customerId))
    .orderBy(asc(ticketActivities.createdAt));
  const mails = await scope.db
    .select({
      subject: sql<string>`${outbox.payload}->>'subject'`,
      status: outbox.status,
      createdAt: outbox.createdAt,
      sentAt: outbox.doneAt,
    })
    .from(outbox)
    .where(and(eq(outbox.kind, 'email'), sql`${outbox.payload}->>'to' = ${customer.email}`))
    .orderBy(asc(outbox.createdAt));
  const audit = await scope.db
    .select({ action: auditLog.action, details: auditLog.details, at: auditLog.createdAt })
    .from(auditLog)
    .where(and(eq(auditLog.subjectType, 'customer'), eq(auditLog.subjectId, customerId)))
    .orderBy(asc(auditLog.createdAt));

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

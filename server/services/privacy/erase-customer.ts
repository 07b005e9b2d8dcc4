import { and, eq, inArray, isNotNull, ne, or, sql } from 'drizzle-orm';
import { ERASED_CUSTOMER_NAME, erasedCustomerEmail, REMOVED_CONTENT } from '@/lib/constants/privacy';
import {
  articleFeedback,
  attachments,
  csatSurveys,
  customerLoginTokens,
  customers,
  outbox,
  privacyRequests,
  ticketMails,
  ticketMessages,
  tickets,
} from '@/server/db/schema';
import { runInTenant, type TenantScope } from '@/server/db/tenant';
import { deleteExportFiles } from './delete-export-files';
import { deleteAttachmentBatch } from './delete-attachment-batch';

/** Rows changed per transaction: a customer with years of history never holds locks for long. */
export const ERASE_BATCH = 200;

export type ErasureCounts = { messages: number; files: number; tickets: number; mails: number };

/**
 * The identity goes in one transaction, with everything keyed by the address (sign-in links, queued
 * mail, mail history), because after it the address is gone. Portal sessions are signed cookies: they end
 * because erased_at is set, which the portal checks on every call.
 */
async function eraseIdentity(scope: TenantScope, customerId: string) {
  const [customer] = await scope.db.select().from(customers).where(eq(customers.id, customerId)).for('update');
  if (!customer || customer.erasedAt) return 0;
  const placeholder = erasedCustomerEmail(customerId);
  await scope.db.delete(customerLoginTokens).where(eq(customerLoginTokens.email, customer.email));
  // Unsent mail is cancelled and sent mail forgotten: both hold the address and, often, the thread's text.
  // A mail being handed to the SMTP server right now ('sending') can no longer be recalled.
  const mails = await scope.db
    .delete(outbox)
    .where(
      and(eq(outbox.kind, 'email'), ne(outbox.status, 'sending'), sql`${outbox.payload}->>'to' = ${customer.email}`),
    )
    .returning({ id: outbox.id });
  await scope.db.update(ticketMails).set({ recipient: placeholder }).where(eq(ticketMails.recipient, customer.email));
  await scope.db.update(articleFeedback).set({ comment: null }).where(eq(articleFeedback.customerId, customerId));
  // Satisfaction comments are the customer's own words; the ratings stay, as the workspace's statistics.
  await scope.db.update(csatSurveys).set({ comment: '' }).where(eq(csatSurveys.customerId, customerId));
  // An earlier export of this customer is a full copy of what is being erased: it goes too.
  const exports = await scope.db
    .select({ id: privacyRequests.id, fileKey: privacyRequests.fileKey })
    .from(privacyRequests)
    .where(and(eq(privacyRequests.customerId, customerId), isNotNull(privacyRequests.fileKey)));
  await deleteExportFiles(scope, exports);
  await scope.db
    .update(customers)
    .set({
      name: ERASED_CUSTOMER_NAME,
      email: placeholder,
      externalId: null,
      organizationId: null,
      lastSeenAt: null,
      erasedAt: new Date(),
      updatedAt: new Date(),
    })
    .where(eq(customers.id, customerId));
  return mails.length;
}

/** What the customer wrote: messages they authored, also on tickets they did not request. */
const writtenBy = (customerId: string) =>
  or(
    eq(ticketMessages.authorCustomerId, customerId),
    and(
      eq(ticketMessages.authorType, 'customer'),
      inArray(ticketMessages.ticketId, sql`(select id from tickets where requester_id = ${customerId})`),
    ),
  );

async function scrubMessages(scope: TenantScope, customerId: string) {
  const batch = scope.db
    .select({ id: ticketMessages.id })
    .from(ticketMessages)
    .where(and(writtenBy(customerId), ne(ticketMessages.body, REMOVED_CONTENT)))
    .limit(ERASE_BATCH);
  // The search vector is generated from the body, so the old words leave the search index with it.
  const rows = await scope.db
    .update(ticketMessages)
    .set({ body: REMOVED_CONTENT })
    .where(inArray(ticketMessages.id, batch))
    .returning({ id: ticketMessages.id });
  return rows.length;
}

function deleteFiles(scope: TenantScope, customerId: string) {
  const theirs = or(
    eq(attachments.uploadedByCustomerId, customerId),
    inArray(
      attachments.messageId,
      scope.db.select({ id: ticketMessages.id }).from(ticketMessages).where(writtenBy(customerId)),
    ),
  );
  return deleteAttachmentBatch(scope, theirs, ERASE_BATCH);
}

/** Subjects are the customer's words too (often a name or an order number); the ticket keeps its facts. */
async function scrubTickets(scope: TenantScope, customerId: string) {
  const batch = scope.db
    .select({ id: tickets.id })
    .from(tickets)
    .where(and(eq(tickets.requesterId, customerId), ne(tickets.subject, REMOVED_CONTENT)))
    .limit(ERASE_BATCH);
  const rows = await scope.db
    .update(tickets)
    .set({ subject: REMOVED_CONTENT, context: {} })
    .where(inArray(tickets.id, batch))
    .returning({ id: tickets.id });
  return rows.length;
}

/** Runs one step in batches, each in its own tenant transaction, until a batch comes back short. */
async function inBatches(tenantId: string, step: (scope: TenantScope) => Promise<number>) {
  let total = 0;
  for (;;) {
    const done = await runInTenant(tenantId, step);
    total += done;
    if (done < ERASE_BATCH) return total;
  }
}

/**
 * Erases a customer's personal data and keeps their tickets for the workspace's counts and reports.
 * Every step selects only what is not yet erased, so a retry after a crash finishes the job and a second
 * run changes nothing.
 */
export async function eraseCustomer(tenantId: string, customerId: string): Promise<ErasureCounts> {
  const mails = await runInTenant(tenantId, (scope) => eraseIdentity(scope, customerId));
  const files = await inBatches(tenantId, (scope) => deleteFiles(scope, customerId));
  const messages = await inBatches(tenantId, (scope) => scrubMessages(scope, customerId));
  const ticketCount = await inBatches(tenantId, (scope) => scrubTickets(scope, customerId));
  return { messages, files, tickets: ticketCount, mails };
}

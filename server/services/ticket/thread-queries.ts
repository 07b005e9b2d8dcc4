import { eq, inArray } from 'drizzle-orm';
import type { AnyPgColumn, PgSelectBase, SelectedFields } from 'drizzle-orm/pg-core';
import { attachments, customers, ticketActivities, ticketMessages, users } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';

type ThreadTable = typeof ticketMessages | typeof ticketActivities;

/** A select from a thread table with the person's user and customer rows left-joined, so either may be null. */
type WithPeople<From extends ThreadTable, T extends SelectedFields> = PgSelectBase<
  From['_']['name'],
  T,
  'partial',
  Record<From['_']['name'], 'not-null'> &
    Record<(typeof users)['_']['name'] | (typeof customers)['_']['name'], 'nullable'>
>;

/**
 * Joins the agent (users) or customer who wrote or did each thread entry; system and rule entries have
 * neither. Drizzle cannot type joins on a select of generic columns, so the statement is built on the
 * widened columns and typed back to the caller's: it is the statement drizzle builds for them.
 */
function withPeople<From extends ThreadTable, T extends SelectedFields>(
  scope: TenantScope,
  columns: T,
  from: From,
  person: { userId: AnyPgColumn; customerId: AnyPgColumn },
) {
  return scope.db
    .select(columns as SelectedFields)
    .from(from as ThreadTable)
    .leftJoin(users, eq(users.id, person.userId))
    .leftJoin(customers, eq(customers.id, person.customerId)) as unknown as WithPeople<From, T>;
}

/** A ticket's messages with their author; each view picks its columns and adds its own where and order. */
export const messagesWithAuthors = <T extends SelectedFields>(scope: TenantScope, columns: T) =>
  withPeople(scope, columns, ticketMessages, {
    userId: ticketMessages.authorUserId,
    customerId: ticketMessages.authorCustomerId,
  });

/** A ticket's activity entries with the agent or customer who acted. */
export const activitiesWithActors = <T extends SelectedFields>(scope: TenantScope, columns: T) =>
  withPeople(scope, columns, ticketActivities, {
    userId: ticketActivities.actorUserId,
    customerId: ticketActivities.actorCustomerId,
  });

export type MessageAttachment = {
  id: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
  contentId: string | null;
};

/** The files of a page of messages in one read, by message id (a message without files is absent). */
export async function attachmentsByMessage(scope: TenantScope, messageIds: string[]) {
  if (!messageIds.length) return new Map<string, MessageAttachment[]>();
  const rows = await scope.db
    .select({
      id: attachments.id,
      messageId: attachments.messageId,
      filename: attachments.filename,
      contentType: attachments.contentType,
      sizeBytes: attachments.sizeBytes,
      contentId: attachments.contentId,
    })
    .from(attachments)
    .where(inArray(attachments.messageId, messageIds));
  const map = new Map<string, MessageAttachment[]>();
  for (const { messageId, ...a } of rows) map.set(messageId!, [...(map.get(messageId!) ?? []), a]);
  return map;
}

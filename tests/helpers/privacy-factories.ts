import { eq } from 'drizzle-orm';
import { attachments } from '@/server/db/schema';
import { runInTenant } from '@/server/db/tenant';
import { requestPortalLink } from '@/server/services/portal/portal-sign-in';
import { processPrivacyRequest } from '@/server/services/privacy/process-privacy-request';
import { replyAsAgent } from '@/server/services/ticket/agent-actions';
import { callerFor } from './caller';
import { addMember, asStaff, createTestCustomer, uniqueEmail, uniqueWord, type TestWorkspace } from './factories';
import { createTestTicket, uploadTestAttachment } from './ticket-factories';

// A customer with a history worth exporting or erasing, made through the services the app uses.

export type CustomerHistory = Awaited<ReturnType<typeof seedCustomerHistory>>;

export async function seedCustomerHistory(ws: TestWorkspace) {
  const agent = await addMember(ws.id, 'agent');
  const email = uniqueEmail('ada');
  const name = `Ada ${uniqueWord('lovelace')}`;
  const customer = await createTestCustomer(ws.id, { email, name });
  const word = uniqueWord('orchid');
  const customerFile = await uploadTestAttachment(
    ws.id,
    { type: 'customer', customerId: customer.id },
    'card-statement.png',
  );
  const ticket = await createTestTicket(ws.id, {
    requesterId: customer.id,
    subject: `Charged twice, ${name}`,
    body: `My card ${word} was charged twice.`,
    attachmentIds: [customerFile.id],
  });
  const agentFile = await uploadTestAttachment(ws.id, { type: 'agent', userId: agent.userId }, 'refund-receipt.png');
  const staff = { userId: agent.userId, role: 'agent' as const };
  const publicReply = `Refunded, see the receipt ${uniqueWord('receipt')}.`;
  const note = `Internal: ${uniqueWord('note')} looks like fraud.`;
  await asStaff(ws.id, staff, (scope) =>
    replyAsAgent(scope, {
      ticketId: ticket.id,
      body: publicReply,
      kind: 'reply',
      timeSpentMinutes: 0,
      attachmentIds: [agentFile.id],
      confirmStale: false,
    }),
  );
  await asStaff(ws.id, staff, (scope) =>
    replyAsAgent(scope, {
      ticketId: ticket.id,
      body: note,
      kind: 'note',
      timeSpentMinutes: 0,
      attachmentIds: [],
      confirmStale: false,
    }),
  );
  const followUp = `Thanks, ${uniqueWord('followup')}!`;
  await callerFor({ portal: { tenantId: ws.id, customerId: customer.id } }).portal.reply({
    ticketId: ticket.id,
    body: followUp,
  });
  // A sign-in link and its mail, still unsent: both keyed by the address.
  await requestPortalLink({ workspace: ws.slug, email });
  return { agent, customer, email, name, word, ticket, customerFile, agentFile, publicReply, note, followUp };
}

export const storageKeyOf = async (workspaceId: string, attachmentId: string) =>
  (
    await runInTenant(workspaceId, ({ db }) =>
      db.select({ key: attachments.storageKey }).from(attachments).where(eq(attachments.id, attachmentId)),
    )
  )[0]?.key ?? null;

/** What the worker does with a request's job. */
export const runPrivacyJob = (workspaceId: string, requestId: string) => processPrivacyRequest(workspaceId, requestId);

import type { GuestRequestInput } from '@/lib/validators/guest-request';
import { runInTenant } from '@/server/db/tenant';
import { AppError } from '@/server/errors';
import { consumeRateLimit } from '@/server/auth/rate-limit';
import { upsertCustomerByEmail } from '@/server/services/customer/customers';
import { createTicketAsCustomer } from '@/server/services/ticket/portal-tickets';
import { uploadAttachment } from '@/server/services/ticket/upload-attachment';
import { findWorkspaceBySlug } from '@/server/services/workspace/queries';
import { ATTACHMENT_LIMITS } from '@/lib/constants/ticket';

export type GuestFile = { filename: string; bytes: Uint8Array };

/**
 * What the visitor is told, filed or not. It carries no ticket number or link: whoever typed the address
 * may not own it, so the way into the ticket is the confirmation mail sent to that address. A bot that
 * filled the honeypot gets the same answer and files nothing.
 */
export type GuestRequestReceipt = { received: true; email: string };

/**
 * A request from the portal by a visitor who is not signed in. The customer is found or created by address
 * (never renamed: a stranger may type someone else's address), the files are stored as theirs and linked
 * to the new ticket in the same transaction, so a guest upload exists only as part of its request. The
 * `ticket.created` event then mails the confirmation with the ticket's own link (server/services/ticket/
 * ticket-link.ts), which signs the mailbox's owner into that ticket only.
 */
export async function fileGuestRequest(input: {
  workspace: string;
  ip: string;
  request: GuestRequestInput;
  files: GuestFile[];
  honeypot: string;
  /** The tab's support session (deflection), when the browser sent one. */
  sessionId?: string;
}): Promise<GuestRequestReceipt & { ticketId: string | null }> {
  const workspace = await findWorkspaceBySlug(input.workspace);
  if (!workspace) throw new AppError('NOT_FOUND', 'This help center does not exist. Check the address.');
  await consumeRateLimit('guestRequestPerIp', input.ip);
  if (input.honeypot.trim()) return { received: true, email: input.request.email, ticketId: null };
  await consumeRateLimit('guestRequestPerAddress', workspace.id, input.request.email);
  if (input.files.length > ATTACHMENT_LIMITS.maxPerMessage)
    throw new AppError('BAD_REQUEST', `Attach at most ${ATTACHMENT_LIMITS.maxPerMessage} files per request.`, {
      field: 'attachments',
    });

  const ticket = await runInTenant(workspace.id, async (scope) => {
    const customer = await upsertCustomerByEmail(scope, { email: input.request.email, name: input.request.name });
    const actor = { type: 'customer' as const, customerId: customer.id };
    const attachmentIds: string[] = [];
    for (const file of input.files) attachmentIds.push((await uploadAttachment(scope, { ...file, actor })).id);
    // Also records the request in the tab's support session (deflection), as a signed-in customer's is.
    return createTicketAsCustomer(
      scope,
      { id: customer.id, name: customer.name },
      {
        subject: input.request.subject,
        body: input.request.body,
        name: input.request.name,
        attachmentIds,
        supportSessionId: input.sessionId,
      },
    );
  });
  return { received: true, email: input.request.email, ticketId: ticket.id };
}

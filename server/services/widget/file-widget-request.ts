import type { FileWidgetRequestInput, WidgetContext } from '@/lib/validators/widget';
import { widgetTicketContext } from '@/lib/widget/ticket-context';
import { AppError } from '@/server/errors';
import { expectedFirstResponse } from '@/server/services/sla/expected-first-response';
import { recordSupportActivity } from '@/server/services/support/record-support-activity';
import { createTicket } from '@/server/services/ticket/create-ticket';
import { uploadAttachment } from '@/server/services/ticket/upload-attachment';
import { widgetRequester } from './visitor-customer';
import type { WidgetScope } from './with-widget';
import { isUuid } from '@/lib/utils/uuid';

/** The host page's path from the page URL the panel sent; '/' when it sent none or not a URL. */
function hostPagePath(pageUrl: string | undefined) {
  try {
    return pageUrl ? new URL(pageUrl).pathname : '/';
  } catch {
    return '/';
  }
}

/**
 * The filed request ends the panel's support session for deflection. Recorded here, with the ticket, never
 * from the browser (support.record refuses 'request_filed'); a panel without a uuid session (an old
 * loader) files as before, uncounted.
 */
async function recordFiledForDeflection(scope: WidgetScope, context: WidgetContext, ticketId: string) {
  if (!context.sessionId || !isUuid(context.sessionId)) return;
  await recordSupportActivity(scope, {
    sessionId: context.sessionId,
    source: 'widget',
    pagePath: hostPagePath(context.pageUrl),
    kind: 'request_filed',
    ticketId,
  });
}

export type WidgetFile = { filename: string; bytes: Uint8Array };

/**
 * A request from the panel's form: its requester (verified visitor, else the email given), its files and
 * the ticket with channel `widget` and the page's context, in the panel's one transaction. The ticket goes
 * through createTicket → commitNewTicket like every other, so the confirmation mail and agent alerts are
 * the usual `ticket.created` consumers' work.
 */
export async function fileWidgetRequest(scope: WidgetScope, input: FileWidgetRequestInput, files: WidgetFile[]) {
  if (!scope.settings.contactFormEnabled)
    throw new AppError('FORBIDDEN', 'This workspace does not take requests through the widget. Email support instead.');
  const { verified, claimed } = scope.visitor;
  const email = (verified?.email ?? input.email ?? claimed?.email)?.toLowerCase();
  if (!email) throw new AppError('BAD_REQUEST', 'Enter your email so we can answer you.', { field: 'email' });
  const name = verified?.name ?? input.name ?? claimed?.name ?? undefined;
  const customer = await widgetRequester(scope, verified, { email, name });
  const actor = { type: 'customer' as const, customerId: customer.id };
  const attachmentIds: string[] = [];
  for (const file of files) {
    const stored = await uploadAttachment(scope, { filename: file.filename, bytes: file.bytes, actor });
    attachmentIds.push(stored.id);
  }
  const ticket = await createTicket(scope, {
    requesterId: customer.id,
    subject: input.subject,
    body: input.message,
    channel: 'widget',
    context: widgetTicketContext(input.context),
    attachmentIds,
    actor,
  });
  await recordFiledForDeflection(scope, input.context, ticket.id);
  const promise = await expectedFirstResponse(scope, ticket.id);
  return {
    ticketId: ticket.id,
    displayNumber: ticket.displayNumber,
    expectedFirstResponse: promise?.text ?? 'as soon as we can',
  };
}

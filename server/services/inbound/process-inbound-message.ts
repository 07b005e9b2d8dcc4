import { eq } from 'drizzle-orm';
import type { DNSResolver } from 'mailauth';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { ATTACHMENT_LIMITS } from '@/lib/constants/ticket';
import type { InboundStatus } from '@/lib/constants/inbound';
import { inboundMessages, outbox } from '@/server/db/schema';
import { runInTenant, type TenantScope } from '@/server/db/tenant';
import { AppError, logError } from '@/server/errors';
import { upsertCustomerByEmail } from '@/server/services/customer/customers';
import { defaultFromAddress, workspaceSender } from '@/server/services/notification/sender';
import type { TicketActor } from '@/server/services/ticket/actor';
import { addMessage } from '@/server/services/ticket/add-message';
import { createTicket } from '@/server/services/ticket/create-ticket';
import { loadTicketForUpdate } from '@/server/services/ticket/load-ticket';
import { uploadAttachment } from '@/server/services/ticket/upload-attachment';
import { clearEmailBouncing, markEmailBouncing } from '@/server/services/customer/email-bouncing';
import { addCcParticipants } from './add-cc-participants';
import { summaryFromAuthenticationResults } from './authentication-results';
import { authenticateSender, defaultMailResolver } from './authenticate-sender';
import { stormLimitReason } from './storm-limit';
import {
  automaticMailReason,
  bouncedMessageId,
  deliveryStatusOf,
  isDeliveryReport,
  type MailHeaders,
} from './classify-mail';
import { findThread, ticketMailByMessageId } from './find-thread';
import { lockPendingInbound, readInboundBatch, type ReceivedMail } from './inbound-batch';
import { displayText, safeBaseName, ticketSubject } from './mail-content';
import { messageIdsIn, readHeaderBlock } from './mail-headers';
import { senderVerdict, type AuthenticationSummary } from './sender-verdict';
import { replyTokenIn } from './thread-signals';

type Decision = {
  status: Exclude<InboundStatus, 'pending'>;
  outcome: string;
  ticketId?: string | null;
  ticketMessageId?: string | null;
};

const addressObjects = (field: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(field) ? field : field ? [field] : []).flatMap((group) =>
    group.value.map((a) => ({ address: a.address?.toLowerCase() ?? '', name: a.name ?? '' })),
  );
const addressesOf = (field: AddressObject | AddressObject[] | undefined) => addressObjects(field).map((a) => a.address);

/**
 * Attachments through the same checks and storage as uploads, under the sender's name. One the checks refuse
 * (type, size, empty) is left out rather than losing the message; the mail itself keeps every byte.
 */
async function storeAttachments(scope: TenantScope, mail: ParsedMail, actor: TicketActor) {
  const ids: string[] = [];
  for (const attachment of mail.attachments) {
    if (ids.length >= ATTACHMENT_LIMITS.maxPerMessage) break;
    if (attachment.contentType.startsWith('message/') || attachment.contentType === 'text/rfc822-headers') continue;
    try {
      const stored = await uploadAttachment(scope, {
        filename: safeBaseName(attachment.filename),
        bytes: new Uint8Array(attachment.content),
        actor,
        // An inline image (cid:) keeps its Content-ID so the thread can show it where the mail placed it.
        contentId: attachment.cid ?? null,
      });
      ids.push(stored.id);
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'BAD_REQUEST')) throw error;
    }
  }
  return ids;
}

/** A delivery report: tied to the mail that bounced, shown on its ticket as that mail's failure. Never a ticket. */
async function recordBounce(scope: TenantScope, mail: ParsedMail, headers: MailHeaders): Promise<Decision> {
  const report = [
    mail.text ?? '',
    ...mail.attachments
      .filter((a) => a.contentType.startsWith('message/') || a.contentType === 'text/rfc822-headers')
      .map((a) => a.content.toString('utf8')),
  ].join('\n');
  const { status, permanent } = deliveryStatusOf(report);
  const bouncedId = bouncedMessageId(report, headers);
  const bounced = bouncedId ? await ticketMailByMessageId(scope, bouncedId) : null;
  const what = `Delivery failed${status ? ` (${status}${permanent ? ', permanent' : ''})` : ''}`;
  if (!bounced) return { status: 'bounce', outcome: `${what}; the bounced mail is not one of this workspace's.` };
  // A permanent failure of a mail to a customer: their address is marked bouncing (agents' alerts are not).
  if (permanent && bounced.audience === 'customer') await markEmailBouncing(scope, bounced.recipient, what);
  if (bounced.outboxId) {
    await scope.db
      .update(outbox)
      .set({ status: 'failed', lastError: `${what}: the recipient's server returned the mail.` })
      .where(eq(outbox.id, bounced.outboxId));
  }
  return { status: 'bounce', outcome: `${what} for ${bounced.recipient}.`, ticketId: bounced.ticketId };
}

/** A received message, parsed and its sender checked, ready to be decided. */
type PreparedMail = ReceivedMail & {
  mail: ParsedMail | null;
  parseError: string | null;
  auth: AuthenticationSummary | null;
};

/** The addresses Cairn sends this workspace's mail from: mail from them is our own coming back. */
async function ownAddressesOf(scope: TenantScope) {
  const own = await workspaceSender(scope);
  return new Set([own.from.address.toLowerCase(), defaultFromAddress().toLowerCase()]);
}

/** Where the message goes, and the change it makes: in one transaction with the inbound row's new status. */
async function decide(
  scope: TenantScope,
  stored: ReceivedMail,
  mail: ParsedMail,
  auth: AuthenticationSummary | null,
  ownAddresses: ReadonlySet<string>,
): Promise<Decision> {
  const raw = stored.raw;
  const headers = readHeaderBlock(raw);
  const from = mail.from?.value[0];
  const sender = from?.address?.trim().toLowerCase();

  // Our own mail coming back (a loop through a forwarder, or our Message-ID): never ingested.
  const messageId = messageIdsIn(headers.get('message-id')?.[0])[0];
  if (sender && ownAddresses.has(sender)) return { status: 'ignored', outcome: 'Sent from our own address.' };
  if (messageId && (await ticketMailByMessageId(scope, messageId)))
    return { status: 'ignored', outcome: 'Carries one of our own Message-IDs.' };

  if (isDeliveryReport(headers)) return recordBounce(scope, mail, headers);
  if (!sender) return { status: 'failed', outcome: 'The message has no From address; nobody to answer.' };
  const storm = await stormLimitReason(scope, sender, stored.id);
  if (storm) return { status: 'ignored', outcome: storm };

  const thread = await findThread(scope, {
    replyToken: replyTokenIn([
      ...addressesOf(mail.to),
      ...addressesOf(mail.cc),
      ...(headers.get('delivered-to') ?? []),
      ...(headers.get('x-original-to') ?? []),
    ]),
    referencedIds: [...messageIdsIn(headers.get('in-reply-to')?.[0]), ...messageIdsIn(headers.get('references')?.[0])],
    subject: mail.subject ?? '',
    sender,
  });

  const automatic = automaticMailReason(headers);
  if (automatic)
    return {
      status: 'ignored',
      outcome: `Automatic mail (${automatic}): recorded, not answered.`,
      ticketId: thread?.ticketId,
    };
  // A message an admin released from quarantine is trusted: it is not held again.
  const verdict = stored.released ? { quarantine: false, reason: null } : senderVerdict(auth);
  if (verdict.quarantine) return { status: 'quarantined', outcome: verdict.reason!, ticketId: thread?.ticketId };

  // The address works again: mail to it resumes.
  await clearEmailBouncing(scope, sender);
  const body = displayText({ text: mail.text, html: mail.html }) || '(no text)';
  if (thread) {
    const ticket = await loadTicketForUpdate(scope, thread.ticketId);
    // chooseThread matched the sender to the requester or a CC participant: the reply is theirs, nobody else's.
    const author =
      sender === thread.requesterEmail.toLowerCase()
        ? ticket.requesterId
        : (await upsertCustomerByEmail(scope, { email: sender })).id;
    const actor: TicketActor = { type: 'customer', customerId: author };
    const attachmentIds = await storeAttachments(scope, mail, actor);
    const added = await addMessage(scope, ticket, actor, { kind: 'reply', body, attachmentIds });
    return { status: 'processed', outcome: 'appended', ticketId: ticket.id, ticketMessageId: added.messageId };
  }
  const customer = await upsertCustomerByEmail(scope, { email: sender, name: from?.name?.slice(0, 200) || undefined });
  const actor: TicketActor = { type: 'customer', customerId: customer.id };
  const attachmentIds = await storeAttachments(scope, mail, actor);
  const ticket = await createTicket(scope, {
    requesterId: customer.id,
    subject: ticketSubject(mail.subject),
    body,
    channel: 'email',
    attachmentIds,
    actor,
  });
  await addCcParticipants(scope, { id: ticket.id, requesterEmail: sender }, addressObjects(mail.cc), ownAddresses);
  return { status: 'processed', outcome: 'new_ticket', ticketId: ticket.id, ticketMessageId: ticket.firstMessageId };
}

const reasonOf = (error: unknown) =>
  error instanceof AppError ? error.message : 'Processing failed unexpectedly; see the worker log.';

/** Parsed, and the sender checked, before any transaction: the checks may wait on DNS. */
async function prepare(
  message: ReceivedMail,
  authservId: string | null,
  resolver: DNSResolver | undefined,
): Promise<PreparedMail> {
  let mail: ParsedMail | null = null;
  let parseError: string | null = null;
  try {
    mail = await simpleParser(message.raw, {
      // The text part only: HTML-only mail goes through our sanitizer (displayText), not mailparser's converter.
      skipHtmlToText: true,
      skipTextToHtml: true,
      skipImageLinks: true,
    });
  } catch (error) {
    parseError = `The message could not be parsed: ${error instanceof Error ? error.message : 'unknown error'}`;
  }
  // With a trusted receiving server configured, its verdict is the one that counts (it saw the connection);
  // otherwise Cairn checks the raw message itself.
  const auth = !mail
    ? null
    : authservId
      ? summaryFromAuthenticationResults(readHeaderBlock(message.raw), authservId)
      : await authenticateSender(message.raw, resolver ?? defaultMailResolver());
  return { ...message, mail, parseError, auth };
}

/** The inbound row's new status: written right after its decision, so a later message of the batch sees it. */
async function recordDecision(scope: TenantScope, message: PreparedMail, decision: Decision) {
  await scope.db
    .update(inboundMessages)
    .set({
      status: decision.status,
      outcome: decision.outcome.slice(0, 500),
      ticketId: decision.ticketId ?? null,
      ticketMessageId: decision.ticketMessageId ?? null,
      sender: message.mail?.from?.value[0]?.address?.toLowerCase().slice(0, 320) ?? null,
      subject: message.mail?.subject?.slice(0, 500) ?? null,
      processedAt: new Date(),
    })
    .where(eq(inboundMessages.id, message.id));
}

/**
 * One message in its own savepoint: a failed decision rolls back its own writes, and the row still records
 * why (failed, with the reason), so nothing is dropped.
 */
async function commitOne(scope: TenantScope, message: PreparedMail, ownAddresses: ReadonlySet<string>) {
  let decision: Decision;
  if (!message.mail) decision = { status: 'failed', outcome: message.parseError! };
  else {
    const mail = message.mail;
    try {
      decision = await scope.db.transaction((db) =>
        decide({ ...scope, db }, message, mail, message.auth, ownAddresses),
      );
    } catch (error) {
      if (!(error instanceof AppError)) logError({ error, inboundId: message.id, where: 'inbound.process' });
      decision = { status: 'failed', outcome: reasonOf(error) };
    }
  }
  await recordDecision(scope, message, decision);
}

/**
 * The locked messages, in the order received, all in one savepoint; a message that cannot be parsed is
 * recorded as failed there too. If any decision throws, the savepoint is rolled back and every message goes
 * through commitOne instead, so one bad message never takes the others' tickets with it.
 */
async function commitMessages(scope: TenantScope, messages: readonly PreparedMail[]) {
  const ownAddresses = await ownAddressesOf(scope);
  if (messages.length > 1) {
    try {
      await scope.db.transaction(async (db) => {
        const savepoint = { ...scope, db };
        for (const message of messages) {
          const decision = message.mail
            ? await decide(savepoint, message, message.mail, message.auth, ownAddresses)
            : { status: 'failed' as const, outcome: message.parseError! };
          await recordDecision(savepoint, message, decision);
        }
      });
      return;
    } catch {
      // Rolled back to the savepoint: the messages are still locked and pending; they go one by one below.
    }
  }
  for (const message of messages) await commitOne(scope, message, ownAddresses);
}

/**
 * The batches running in this process, by message: a job whose message one of them holds waits for it
 * rather than parsing the same bytes again, then finds it decided. (No memory of decided messages is kept
 * beyond that: an admin's retry or release puts a decided message back to pending, and its job must run.)
 */
const runningHere = new Map<string, Promise<unknown>>();

/**
 * Parses, checks and commits one stored message, once, with up to `batchSize - 1` other pending messages of
 * its workspace (the `inbound.process` job passes INBOUND_BATCH_SIZE; a direct call decides only the message
 * it names). Rows are locked and only `pending` ones are decided, so a retried or doubled job changes
 * nothing. Parsing and sender checks (DNS) run before the transaction. A message that cannot be processed is
 * kept as `failed` with the reason, never dropped.
 */
export async function processInboundMessage(
  tenantId: string,
  inboundId: string,
  options: { resolver?: DNSResolver; batchSize?: number } = {},
) {
  await runningHere.get(inboundId)?.catch(() => {});
  const batch = await readInboundBatch(tenantId, inboundId, options.batchSize ?? 1, new Set(runningHere.keys()));
  if (!batch) return;
  const ids = batch.messages.map((m) => m.id);
  const work = (async () => {
    const prepared = await Promise.all(batch.messages.map((m) => prepare(m, batch.authservId, options.resolver)));
    await runInTenant(tenantId, async (scope) => {
      const pending = await lockPendingInbound(scope, ids);
      await commitMessages(
        scope,
        prepared.filter((m) => pending.has(m.id)),
      );
    });
  })();
  for (const id of ids) runningHere.set(id, work);
  try {
    await work;
  } finally {
    for (const id of ids) if (runningHere.get(id) === work) runningHere.delete(id);
  }
}

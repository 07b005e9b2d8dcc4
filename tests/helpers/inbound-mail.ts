import fs from 'node:fs';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { customers, inboundMessages, ticketMailThreads, ticketMails } from '@/server/db/schema';
import { runInTenant } from '@/server/db/tenant';
import { processInboundMessage } from '@/server/services/inbound/process-inbound-message';
import { storeInboundMessage } from '@/server/services/inbound/store-inbound-message';
import { replyToAddress } from '@/server/services/notification/reply-token';
import type { TestWorkspace } from './factories';
import { dispatchPendingEvents } from './notification-mail';
import { createTestTicket } from './ticket-factories';

// The inbound tests' shared pieces: the fixture corpus (tests/fixtures/mail, {{VARS}} filled in), DNS that
// answers nothing, and a ticket whose confirmation mail is queued so replies have something to thread on.

const FIXTURES = path.join(import.meta.dirname, '../fixtures/mail');

export function fixture(name: string, vars: Record<string, string>) {
  let text = fs.readFileSync(path.join(FIXTURES, name), 'latin1');
  for (const [key, value] of Object.entries(vars)) text = text.replaceAll(`{{${key}}}`, value);
  return Buffer.from(text, 'latin1');
}

/** DNS that answers nothing, as offline: sender checks come back `none`, never `fail`. */
export const offlineResolver = () => Promise.reject(Object.assign(new Error('offline'), { code: 'ENOTFOUND' }));

export const inboundRow = (tenantId: string, id: string) =>
  runInTenant(
    tenantId,
    async ({ db }) => (await db.select().from(inboundMessages).where(eq(inboundMessages.id, id)))[0]!,
  );

/** Stored and processed as the inbound.process job does it (the store step every way in shares). */
export async function storeAndProcess(tenantId: string, raw: Uint8Array) {
  const stored = await storeInboundMessage(tenantId, raw);
  await processInboundMessage(tenantId, stored.id, { resolver: offlineResolver });
  return inboundRow(tenantId, stored.id);
}

/** A ticket whose confirmation mail is queued: its reply-to address and the Message-ID we sent. */
export async function ticketWithMail(ws: TestWorkspace) {
  const ticket = await createTestTicket(ws.id);
  await dispatchPendingEvents(ws.id);
  return runInTenant(ws.id, async ({ db }) => {
    const [requester] = await db.select().from(customers).where(eq(customers.id, ticket.requesterId));
    const [thread] = await db.select().from(ticketMailThreads).where(eq(ticketMailThreads.ticketId, ticket.id));
    const [mail] = await db
      .select()
      .from(ticketMails)
      .where(and(eq(ticketMails.ticketId, ticket.id), eq(ticketMails.audience, 'customer')));
    return {
      ticket,
      requester: requester!.email,
      replyTo: replyToAddress('support@acme.test', thread!.replyToken),
      ourMessageId: mail!.messageId,
      outboxId: mail!.outboxId!,
    };
  });
}

/** A message that could not be processed (no headers at all), as the Unprocessed mail list shows it. */
export const storeFailedInbound = (tenantId: string) =>
  storeAndProcess(tenantId, fixture('garbage.eml', { RUN: `${Date.now()}-${Math.random()}` }));

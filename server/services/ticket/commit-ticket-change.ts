import { eq, sql } from 'drizzle-orm';
import { STATUS_LABELS, type TicketStatus } from '@/lib/constants/ticket';
import { canTransition } from '@/lib/utils/ticket-lifecycle';
import { tickets } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { AppError } from '@/server/errors';
import { publishLive } from '@/server/live/publish';
import { recordEvent } from '@/server/services/outbox/record-event';
import { recomputeTicketSla } from '@/server/services/sla/recompute-ticket-sla';
import { recordActivity } from './activity';
import type { TicketActor } from './actor';
import type { TicketRecord } from './load-ticket';
import { assignTicketNumber } from './numbering';
import {
  diffFields,
  planNewTicket,
  planTicketChange,
  type ChangeContext,
  type TicketChangePlan,
  type TicketChanges,
} from './plan-ticket-change';

/** A ticket row read with `for update` (loadTicketForUpdate): changes to it apply one after another. */
export type LockedTicket = TicketRecord;

function assertTransition(from: TicketStatus, to: TicketStatus) {
  if (to === 'merged')
    throw new AppError('BAD_REQUEST', 'A ticket becomes merged only by merging it into another ticket.');
  if (!canTransition(from, to)) {
    const label = STATUS_LABELS[from].toLowerCase();
    throw new AppError(
      'PRECONDITION_FAILED',
      `${/^[aeiou]/.test(label) ? 'An' : 'A'} ${label} ticket cannot be set to ${STATUS_LABELS[to].toLowerCase()}.`,
      { field: 'status' },
    );
  }
}

/** Timestamps that follow a status: solved and closed times are set when reached and cleared on reopening. */
function statusTimestamps(from: TicketStatus, to: TicketStatus, now: Date) {
  if (from === to) return {};
  return {
    solvedAt: to === 'solved' ? now : to === 'closed' ? undefined : null,
    closedAt: to === 'closed' ? now : null,
  };
}

/** Columns a new message moves: the count, who spoke last, and the first response (a public agent reply). */
function messageColumns(ticket: LockedTicket, context: ChangeContext, now: Date) {
  if (!context.message) return {};
  const { actor } = context;
  const isPublicAgentReply = actor.type === 'agent' && context.message.kind === 'reply';
  return {
    messageCount: sql`${tickets.messageCount} + 1`,
    lastCustomerMessageAt: actor.type === 'customer' ? now : undefined,
    lastAgentMessageAt: isPublicAgentReply ? now : undefined,
    firstRespondedAt: isPublicAgentReply && !ticket.firstRespondedAt ? now : undefined,
  };
}

/** Columns a merge moves: the source ends merged (one message left, its note), the target counts what it gained. */
function mergeColumns(context: ChangeContext, now: Date) {
  const merge = context.merge;
  if (!merge) return {};
  if ('intoId' in merge)
    return { status: 'merged' as const, mergedIntoId: merge.intoId, messageCount: 1, closedAt: now };
  return { messageCount: sql`${tickets.messageCount} + ${merge.addedMessages}` };
}

/** Writes what a plan says, in order: the log entry, the events, one SLA recomputation, the live notices. */
async function carryOut(scope: TenantScope, ticketId: string, plan: TicketChangePlan, actor: TicketActor, at: Date) {
  if (plan.activity) await recordActivity(scope, { ticketId, actor, ...plan.activity, at });
  for (const event of plan.events) await recordEvent(scope, event.type, event.payload);
  if (plan.recomputeSla) await recomputeTicketSla(scope, ticketId);
  // NOTIFY is transactional: listeners hear of the change when, and only if, it commits.
  for (const type of plan.live) await publishLive(scope, type, ticketId);
}

/**
 * The one way an existing ticket changes. The use case says what (fields, a message it wrote, a merge) and
 * who; this writes the row, then everything that follows from the diff in the same transaction: the
 * activity entry, the outbox events, one SLA recomputation, the live notice. Mails, rules and other
 * reactions are consumers of the events (jobs/events/consumers.ts). Returns the row, what changed, and
 * whether the clocks were recomputed (a caller that needs them current then need not do it again).
 */
export async function commitTicketChange(
  scope: TenantScope,
  ticket: LockedTicket,
  changes: TicketChanges,
  context: ChangeContext,
) {
  if (changes.status && changes.status !== ticket.status) assertTransition(ticket.status, changes.status);
  const merging =
    context.merge && 'intoId' in context.merge ? { status: 'merged', mergedIntoId: context.merge.intoId } : {};
  const diff = diffFields(ticket as unknown as Record<string, unknown>, { ...changes, ...merging });
  const plan = planTicketChange(ticket.id, diff, context);
  if (!plan.activity && !plan.events.length && !plan.recomputeSla) return { ticket, diff, slaRecomputed: false };
  const now = context.message?.at ?? new Date();
  const timestamps = changes.status ? statusTimestamps(ticket.status, changes.status, now) : {};
  const [updated] = await scope.db
    .update(tickets)
    .set({
      ...changes,
      ...timestamps,
      ...messageColumns(ticket, context, now),
      ...mergeColumns(context, now),
      updatedAt: now,
    })
    .where(eq(tickets.id, ticket.id))
    .returning();
  await carryOut(scope, ticket.id, plan, context.actor, now);
  return { ticket: updated!, diff, slaRecomputed: plan.recomputeSla };
}

/**
 * The same pipeline for a ticket the use case has just inserted with its first message: its log entry,
 * its clocks, its number (given last, so the workspace's counter stays locked briefly), one
 * `ticket.created` event carrying the number, and the live notice. Returns the number.
 */
export async function commitNewTicket(
  scope: TenantScope,
  ticket: Pick<TicketRecord, 'id' | 'status' | 'channel' | 'priority' | 'createdAt'>,
  input: { messageId: string; actor: TicketActor },
) {
  const plan = planNewTicket(ticket, input);
  // NOTIFY is delivered at commit wherever it stands in the transaction: sent before the number, so the
  // counter's lock (held to commit) covers one round trip fewer. The events need the number, so they follow.
  await carryOut(scope, ticket.id, { ...plan, events: [] }, input.actor, ticket.createdAt);
  const number = await assignTicketNumber(scope, ticket.id);
  const events = plan.events.map((event) => ({ ...event, payload: { ...event.payload, number } }));
  await carryOut(
    scope,
    ticket.id,
    { activity: null, events, recomputeSla: false, live: [] },
    input.actor,
    ticket.createdAt,
  );
  return number;
}

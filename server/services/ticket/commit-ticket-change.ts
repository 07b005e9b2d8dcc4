import { eq, sql } from 'drizzle-orm';
import { STATUS_LABELS, type TicketStatus } from '@/lib/constants/ticket';
import { canTransition } from '@/lib/utils/ticket-lifecycle';
import type { SlaTicketFacts } from '@/lib/sla';
import { ticketMessages, tickets, ticketSlaTargets } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { AppError } from '@/server/errors';
import { liveNotice, publishLive } from '@/server/live/publish';
import { eventsInsert, nudgeOutbox } from '@/server/services/outbox/add-to-outbox';
import { slaConfigAtVersion } from '@/server/services/sla/cached-sla-config';
import { recomputeTicketSla, slaTargetRows } from '@/server/services/sla/recompute-ticket-sla';
import { scheduleSlaCheck } from '@/server/services/sla/schedule-check';
import { activityInsert } from './activity';
import type { TicketActor } from './actor';
import { assertSolvable } from './custom-fields';
import type { TicketRecord } from './load-ticket';
import { counterNumber, ticketCounterCte } from './numbering';
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
    statusChangedAt: now,
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

/**
 * The log entry and the events of a change in one statement: each statement is a round trip inside a
 * transaction that holds the ticket's row lock. Their order is kept where it matters: events by created_at
 * (eventsInsert), the entry by its own `at`.
 */
async function recordLogAndEvents(
  scope: TenantScope,
  ticketId: string,
  plan: TicketChangePlan,
  actor: TicketActor,
  at: Date,
) {
  const activity = plan.activity ? activityInsert(scope, { ticketId, actor, ...plan.activity, at }) : null;
  if (!plan.events.length) {
    if (activity) await activity;
    return;
  }
  const events = eventsInsert(
    scope,
    plan.events.map((event) => ({ type: event.type, data: event.payload })),
  );
  const rows = activity
    ? (
        await scope.db.execute<{ id: string }>(
          sql`with activity as (${activity.getSQL()}), events as (${events.getSQL()}) select id from events`,
        )
      ).rows
    : await events;
  for (const { id } of rows) nudgeOutbox(scope, 'event', id);
}

/** Writes what a plan says, in order: the log entry and the events, one SLA recomputation, the live notices. */
async function carryOut(scope: TenantScope, ticketId: string, plan: TicketChangePlan, actor: TicketActor, at: Date) {
  await recordLogAndEvents(scope, ticketId, plan, actor, at);
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
  if (changes.status === 'solved' && ticket.status !== 'solved')
    await assertSolvable(scope, changes.customFields ?? ticket.customFields);
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

/** A new ticket's row and first message as the use case built them, ids included (commitNewTicket inserts them). */
export type NewTicketRows = {
  ticket: Omit<typeof tickets.$inferInsert, 'number'> &
    Pick<TicketRecord, 'id' | 'status' | 'channel' | 'priority' | 'createdAt'>;
  message: typeof ticketMessages.$inferInsert & { id: string };
};

/** The clock facts of a ticket that is being created: its row as built, its creation status, its first message. */
function newTicketSlaFacts(rows: NewTicketRows, organizationId: string | null): SlaTicketFacts {
  const { ticket, message } = rows;
  return {
    createdAt: ticket.createdAt,
    priority: ticket.priority,
    status: ticket.status,
    channel: ticket.channel,
    categoryId: ticket.categoryId ?? null,
    tags: ticket.tags ?? [],
    organizationId,
    statusChanges: [{ at: ticket.createdAt, to: ticket.status }],
    messages: [{ at: ticket.createdAt, from: message.authorType === 'customer' ? 'customer' : 'agent' }],
  };
}

/**
 * The same pipeline for a new ticket, in one statement: the workspace's next number, the ticket row with it,
 * its first message, its log entry, its clocks (computed here from the row as built: nothing to read back),
 * one `ticket.created` event carrying the number, and the live notice. One statement because the counter's
 * row is locked from it to commit, and because the ticket row is then written once, not inserted and
 * numbered (a second version of a row with thirteen indexes). Foreign keys are checked at the statement's
 * end, when the ticket exists. Returns the number.
 */
export async function commitNewTicket(
  scope: TenantScope,
  rows: NewTicketRows,
  input: { actor: TicketActor; organizationId: string | null; slaConfigVersion: number },
) {
  const { ticket, message } = rows;
  const plan = planNewTicket(ticket, { messageId: message.id, actor: input.actor });
  const config = await slaConfigAtVersion(scope, input.slaConfigVersion);
  const clocks = slaTargetRows(scope, ticket.id, { facts: newTicketSlaFacts(rows, input.organizationId), config });

  const parts = [
    sql`ticket as (${scope.db
      .insert(tickets)
      .values({ ...ticket, number: counterNumber })
      .getSQL()})`,
    sql`message as (${scope.db.insert(ticketMessages).values(message).getSQL()})`,
  ];
  if (plan.activity)
    parts.push(
      sql`activity as (${activityInsert(scope, { ticketId: ticket.id, actor: input.actor, ...plan.activity, at: ticket.createdAt }).getSQL()})`,
    );
  if (clocks.rows.length)
    parts.push(sql`clocks as (${scope.db.insert(ticketSlaTargets).values(clocks.rows).getSQL()})`);
  const events = eventsInsert(
    scope,
    plan.events.map(
      (event) =>
        sql`jsonb_set(${JSON.stringify({ type: event.type, data: event.payload })}::jsonb, '{data,number}', to_jsonb(${counterNumber}))`,
    ),
  );
  const notices = plan.live.map((type) => sql`, ${liveNotice(scope, type, ticket.id)}`);
  const result = await scope.db.execute<{ number: string | number; id: string }>(
    sql`with ${ticketCounterCte(scope)}, ${sql.join(parts, sql`, `)}, events as (${events.getSQL()})
      select ${counterNumber} as number, events.id${sql.join(notices)} from events`,
  );
  for (const { id } of result.rows) nudgeOutbox(scope, 'event', id);
  scheduleSlaCheck(scope, ticket.id, clocks.nextCheck);
  return Number(result.rows[0]!.number);
}

import type { DomainEventType } from '@/lib/constants/outbox';
import type { ActivityChanges } from '@/server/db/schema';
import type { LiveEvent } from '@/server/live/publish';
import type { TicketActor } from './actor';
import type { TicketRecord } from './load-ticket';

/** The fields a use case may change directly; every other column follows from them or from a message. */
export type TicketChanges = Partial<
  Pick<
    TicketRecord,
    'status' | 'priority' | 'type' | 'categoryId' | 'assigneeId' | 'teamId' | 'tags' | 'subject' | 'customFields'
  >
>;

/**
 * Where a change came from, carried on its events as `via` beside the actor: a consumer (a rule, a webhook)
 * can tell an agent's change from an SLA escalation's or its own, and not react to itself.
 */
export const CHANGE_CHANNELS = ['agent', 'portal', 'email', 'sla', 'system'] as const;
export type ChangeChannel = (typeof CHANGE_CHANNELS)[number];

/**
 * One side of a merge: the source ends `merged` into the target (its messages moved), the target gains
 * the moved messages plus a system note.
 */
export type MergeSide = { intoId: string; movedMessages: number } | { fromId: string; addedMessages: number };

/** How a ticket changed, besides its fields: who, from where, the log's wording, a new message or a merge. */
export type ChangeContext = {
  actor: TicketActor;
  channel: ChangeChannel;
  /** The activity entry's action; 'updated' when left out. */
  action?: string;
  reason?: string | null;
  /** A reply or note just written: it moves counters and clocks even when no field changes. */
  message?: { id: string; kind: 'reply' | 'note'; at: Date };
  merge?: MergeSide;
};

export type PlannedEvent = { type: DomainEventType; payload: { ticketId: string } & Record<string, unknown> };

/** Everything that follows from one change, decided before anything is written. */
export type TicketChangePlan = {
  activity: { action: string; changes: ActivityChanges; reason: string | null } | null;
  events: PlannedEvent[];
  recomputeSla: boolean;
  live: Array<LiveEvent['type']>;
};

/** A message, a status, priority, category or tags can move an SLA clock or change the policy that applies. */
const SLA_INPUTS = ['status', 'priority', 'categoryId', 'tags', 'channel'];

/** Field-by-field difference between two snapshots, for the activity log. */
export function diffFields<T extends Record<string, unknown>>(before: T, after: Partial<T>): ActivityChanges {
  const changes: ActivityChanges = {};
  for (const [key, to] of Object.entries(after)) {
    if (to === undefined) continue;
    const from = before[key];
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[key] = { from: from ?? null, to: to ?? null };
  }
  return changes;
}

const actorId = (actor: TicketActor) =>
  actor.type === 'agent'
    ? actor.userId
    : actor.type === 'customer'
      ? actor.customerId
      : actor.type === 'rule'
        ? actor.ruleId
        : null;

/** A rule's changes carry its chain depth: the rules consumer stops a chain that grows too deep. */
const ruleDepth = (actor: TicketActor) => (actor.type === 'rule' ? { ruleDepth: actor.depth } : {});

const by = ({ actor, channel }: ChangeContext) => ({
  actorType: actor.type,
  actorId: actorId(actor),
  via: channel,
  ...ruleDepth(actor),
});

/**
 * The domain events of a change, from the same diff the activity log records: a new message, a merge, a
 * status move, a new assignee or team, a new priority. Fields without an event (tags, subject…) raise none.
 * A merge is its own event: the source's move to `merged` raises no status event besides it.
 */
function changeEvents(ticketId: string, diff: ActivityChanges, context: ChangeContext): PlannedEvent[] {
  const events: PlannedEvent[] = [];
  const { actor, message, merge } = context;
  if (message)
    events.push({
      type: 'ticket.message_added',
      payload: {
        ticketId,
        messageId: message.id,
        kind: message.kind,
        authorType: actor.type,
        via: context.channel,
        ...(actor.type === 'rule' ? { actorId: actor.ruleId, ruleDepth: actor.depth } : {}),
      },
    });
  if (merge && 'intoId' in merge)
    events.push({
      type: 'ticket.merged',
      payload: { ticketId, mergedIntoId: merge.intoId, movedMessages: merge.movedMessages, ...by(context) },
    });
  else if (diff.status)
    events.push({
      type: 'ticket.status_changed',
      payload: { ticketId, from: diff.status.from, to: diff.status.to, ...by(context) },
    });
  if (diff.assigneeId || diff.teamId)
    events.push({
      type: 'ticket.assigned',
      payload: {
        ticketId,
        ...(diff.assigneeId ? { assignee: diff.assigneeId } : {}),
        ...(diff.teamId ? { team: diff.teamId } : {}),
        ...by(context),
      },
    });
  if (diff.priority)
    events.push({
      type: 'ticket.priority_changed',
      payload: { ticketId, from: diff.priority.from, to: diff.priority.to, ...by(context) },
    });
  return events;
}

/**
 * What a change to an existing ticket sets off, from its diff. An empty plan (no activity, no events, no
 * recomputation, no live notice) means nothing happened and the row is left alone.
 */
export function planTicketChange(ticketId: string, diff: ActivityChanges, context: ChangeContext): TicketChangePlan {
  const { merge, message } = context;
  const logged: ActivityChanges =
    merge && 'fromId' in merge ? { mergedFrom: { from: null, to: merge.fromId }, ...diff } : diff;
  const changed = Object.keys(logged).length > 0;
  return {
    activity: changed ? { action: context.action ?? 'updated', changes: logged, reason: context.reason ?? null } : null,
    events: changeEvents(ticketId, diff, context),
    recomputeSla: Boolean(message || merge) || SLA_INPUTS.some((field) => field in diff),
    live: message ? ['ticket.updated', 'message.created'] : changed ? ['ticket.updated'] : [],
  };
}

/**
 * What a new ticket sets off: its first log entry, its clocks, one `ticket.created` event, a live notice.
 * The event's `number` is added by the committer: the number is given last, after the clocks.
 */
export function planNewTicket(
  ticket: Pick<TicketRecord, 'id' | 'status' | 'channel' | 'priority'>,
  input: { messageId: string; actor: TicketActor },
): TicketChangePlan {
  return {
    activity: { action: 'created', changes: { status: { from: null, to: ticket.status } }, reason: null },
    events: [
      {
        type: 'ticket.created',
        payload: {
          ticketId: ticket.id,
          messageId: input.messageId,
          channel: ticket.channel,
          priority: ticket.priority,
          actorType: input.actor.type,
        },
      },
    ],
    recomputeSla: true,
    live: ['ticket.created'],
  };
}

import { RULE_TRIGGERS } from '@/lib/constants/automation';
import { componentLogger } from '@/server/log';
import { runEventRules } from '@/server/services/automation/run-event-rules';
import { notifyBadRating } from '@/server/services/notification/notify-bad-rating';
import { assignOnEvent } from '@/server/services/assignment/assign-on-event';
import { addArticleSuggestions } from '@/server/services/triage/add-article-suggestions';
import { suggestTriage } from '@/server/services/triage/suggest-triage';
import { notifySlaEscalation } from '@/server/services/notification/notify-sla-escalation';
import { NOTIFYING_EVENT_TYPES, notifyTicketEvent } from '@/server/services/notification/notify-ticket-event';
import type { EventBatch, EventConsumer } from '@/server/services/outbox/event-batch';
import type { TenantScope } from '@/server/db/tenant';
import { readTriageSettings } from '@/server/services/triage/triage-settings';
import { applyAnalyticsEvents } from '@/server/services/reports/apply-analytics-event';

/** With LOG_LEVEL=debug, a line per event: shows in `npm run worker`'s output what the desk is doing. */
const log = componentLogger('event');

const debugLog: EventConsumer = {
  name: 'debug-log',
  types: 'all',
  async handle(_scope, event) {
    log.debug(
      { event: event.type, eventId: event.id, ticketId: event.data.ticketId, workspaceId: event.tenantId },
      'domain event',
    );
  },
};

/**
 * Notification mails hang off the events, not off each service that changes a ticket: creating a ticket
 * no longer renders an alert per agent while it holds its workspace's number lock.
 */
const ticketNotifications: EventConsumer = {
  name: 'ticket-notifications',
  types: NOTIFYING_EVENT_TYPES,
  async handle(scope, event, batch) {
    await notifyTicketEvent(scope, event, batch);
  },
};

/** The agents an SLA escalation level names get their mail here, not from the SLA check's transaction. */
const escalationMails: EventConsumer = {
  name: 'sla-escalation-mails',
  types: ['sla.escalated'],
  async handle(scope, event) {
    await notifySlaEscalation(scope, event);
  },
};

/**
 * A new ticket, or one moved to a team, goes to an agent by the team's assignment policy. First in the
 * list: the creation's notification then reaches the agent picked rather than the whole team.
 */
const teamAssignment: EventConsumer = {
  name: 'team-assignment',
  types: ['ticket.created', 'ticket.assigned'],
  async handle(scope, event) {
    await assignOnEvent(scope, event);
  },
};

/**
 * The workspace's triage row (its two models are the bulk of it), read once per dispatch batch for both
 * consumers below and every new ticket of the batch: an admin's change commits before or after, not within.
 */
const triageSettingsOf = async (scope: TenantScope, batch: EventBatch) => ({
  settings: await batch.once('triage:settings', () => readTriageSettings(scope)),
});

/** A new ticket's predicted category and priority, kept as a suggestion for the agent (never applied here). */
const triageSuggestion: EventConsumer = {
  name: 'triage-suggestion',
  types: ['ticket.created'],
  async handle(scope, event, batch) {
    await suggestTriage(scope, event.data.ticketId, await triageSettingsOf(scope, batch));
  },
};

/** The help-center articles that may answer a new ticket, as an internal note (a workspace setting). */
const articleSuggestions: EventConsumer = {
  name: 'article-suggestions',
  types: ['ticket.created'],
  async handle(scope, event, batch) {
    await addArticleSuggestions(scope, event.data.ticketId, await triageSettingsOf(scope, batch));
  },
};

/** A bad satisfaction rating alerts the team lead; automation rules will subscribe to `csat.received` too. */
const badRatingAlerts: EventConsumer = {
  name: 'csat-bad-rating-alerts',
  types: ['csat.received'],
  async handle(scope, event) {
    await notifyBadRating(scope, event);
  },
};

/**
 * The dashboard's rollups: the events about a ticket bring its facts to the ticket's current state, once per
 * event id, so duplicates and late arrivals change nothing twice (server/services/reports/). Once for a
 * whole batch, after every other consumer: each ticket refreshed once, the rollups moved by one upsert.
 */
const reportRollups: EventConsumer = {
  name: 'report-rollups',
  types: 'all',
  async handleAll(scope, events) {
    await applyAnalyticsEvents(scope, events);
  },
};

/**
 * The admins' event rules. Listed before the notifications: the mails of this event are queued in the
 * same transaction either way, but rules' own changes raise events of their own, mailed when dispatched.
 */
const automationRules: EventConsumer = {
  name: 'automation-rules',
  types: RULE_TRIGGERS,
  async handle(scope, event, batch) {
    await runEventRules(scope, event, batch);
  },
};

/** The one place consumers plug in. */
export const EVENT_CONSUMERS: readonly EventConsumer[] = [
  automationRules,
  teamAssignment,
  triageSuggestion,
  articleSuggestions,
  ticketNotifications,
  escalationMails,
  badRatingAlerts,
  reportRollups,
  debugLog,
];

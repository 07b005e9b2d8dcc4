import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { SLA_ESCALATION_TRIGGERS, SLA_METRICS } from '@/lib/constants/sla';
import type { TicketChannel, TicketPriority } from '@/lib/constants/ticket';
import { createdAt, id, updatedAt } from './columns';
import { tenants } from './tenants';
import { tickets } from './tickets';

export const slaMetric = pgEnum('sla_metric', SLA_METRICS);
export const slaEscalationTrigger = pgEnum('sla_escalation_trigger', SLA_ESCALATION_TRIGGERS);

export type WeeklyHours = Array<Array<{ start: string; end: string }>>;

/** Business hours: an IANA zone, weekly openings (index 0 = Sunday), closed local dates 'YYYY-MM-DD'. */
export const businessCalendars = pgTable(
  'business_calendars',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    timeZone: text('time_zone').notNull(),
    weekly: jsonb('weekly').$type<WeeklyHours>().notNull(),
    holidays: jsonb('holidays').$type<string[]>().notNull().default([]),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('business_calendars_tenant_name_key').on(t.tenantId, t.name)],
);

export type SlaConditions = {
  priorities?: TicketPriority[];
  categoryIds?: string[];
  channels?: TicketChannel[];
  /** Any of these tags. */
  tags?: string[];
  organizationIds?: string[];
};
/** Minutes per metric; a missing or null metric is not measured by this policy. */
export type SlaTargetMinutesByMetric = {
  first_response?: number | null;
  next_response?: number | null;
  resolution?: number | null;
};
export type SlaPolicyTargets = Partial<Record<TicketPriority, SlaTargetMinutesByMetric>>;

/** Ordered: the first enabled policy whose conditions all match a ticket applies to it. */
export const slaPolicies = pgTable(
  'sla_policies',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    position: integer('position').notNull().default(0),
    enabled: boolean('enabled').notNull().default(true),
    /** null: around the clock. */
    calendarId: uuid('calendar_id').references(() => businessCalendars.id, { onDelete: 'restrict' }),
    conditions: jsonb('conditions').$type<SlaConditions>().notNull().default({}),
    targets: jsonb('targets').$type<SlaPolicyTargets>().notNull(),
    warnAtPercent: integer('warn_at_percent').notNull().default(75),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('sla_policies_tenant_name_key').on(t.tenantId, t.name),
    index('sla_policies_tenant_position_idx').on(t.tenantId, t.position),
  ],
);

export type SlaEscalationActions = {
  notifyUserIds?: string[];
  setPriority?: TicketPriority | null;
  assignToUserId?: string | null;
  assignToTeamId?: string | null;
};

/** Levels of a policy: `afterMinutes` (wall-clock) after a target goes at risk or breaches, do the actions once. */
export const slaEscalations = pgTable(
  'sla_escalations',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    policyId: uuid('policy_id')
      .notNull()
      .references(() => slaPolicies.id, { onDelete: 'cascade' }),
    level: integer('level').notNull(),
    trigger: slaEscalationTrigger('trigger').notNull(),
    /** null: any of the policy's targets. */
    metric: slaMetric('metric'),
    afterMinutes: integer('after_minutes').notNull().default(0),
    actions: jsonb('actions').$type<SlaEscalationActions>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('sla_escalations_policy_level_key').on(t.policyId, t.level)],
);

export type SlaPauseRecord = { from: string; to: string | null };

/**
 * One running clock per ticket and metric, recomputed whenever something it depends on changes. The due
 * time is a column so the sweep and the queue can find what is due with an index, not by recomputing.
 */
export const ticketSlaTargets = pgTable(
  'ticket_sla_targets',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    metric: slaMetric('metric').notNull(),
    /** null: the workspace's default targets applied (no policy matched). */
    policyId: uuid('policy_id').references(() => slaPolicies.id, { onDelete: 'set null' }),
    calendarId: uuid('calendar_id').references(() => businessCalendars.id, { onDelete: 'set null' }),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    targetMinutes: integer('target_minutes').notNull(),
    /** null while the clock is paused with the target not yet reached. */
    dueAt: timestamp('due_at', { withTimezone: true }),
    warnAt: timestamp('warn_at', { withTimezone: true }),
    metAt: timestamp('met_at', { withTimezone: true }),
    warnedAt: timestamp('warned_at', { withTimezone: true }),
    breachedAt: timestamp('breached_at', { withTimezone: true }),
    pauses: jsonb('pauses').$type<SlaPauseRecord[]>().notNull().default([]),
    /**
     * The next moment the worker must look at this clock (warning, breach, an escalation level); null: nothing left.
     */
    nextCheckAt: timestamp('next_check_at', { withTimezone: true }),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('ticket_sla_targets_ticket_metric_key').on(t.ticketId, t.metric),
    // What the sweep looks for: clocks whose next moment has passed (a lost timer), across and within workspaces.
    index('ticket_sla_targets_next_check_idx')
      .on(t.nextCheckAt)
      .where(sql`next_check_at is not null`),
    index('ticket_sla_targets_tenant_next_check_idx')
      .on(t.tenantId, t.nextCheckAt)
      .where(sql`next_check_at is not null`),
    // Metrics by date range: clocks started in a period.
    index('ticket_sla_targets_tenant_started_idx').on(t.tenantId, t.startedAt),
  ],
);

/** An escalation level that has run on a ticket's target: the unique key makes running it twice a no-op. */
export const slaEscalationRuns = pgTable(
  'sla_escalation_runs',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    escalationId: uuid('escalation_id')
      .notNull()
      .references(() => slaEscalations.id, { onDelete: 'cascade' }),
    metric: slaMetric('metric').notNull(),
    /** When the target's at-risk or breach moment was, so a recomputed clock can run the level again. */
    triggeredAt: timestamp('triggered_at', { withTimezone: true }).notNull(),
    ranAt: timestamp('ran_at', { withTimezone: true }).notNull().defaultNow(),
    notifiedUserIds: uuid('notified_user_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
  },
  (t) => [uniqueIndex('sla_escalation_runs_once_key').on(t.ticketId, t.escalationId, t.metric, t.triggeredAt)],
);

import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { RollupMeasure } from '@/lib/reports/rollup-measures';
import { id, updatedAt } from './columns';
import { tenants } from './tenants';
import { tickets } from './tickets';

/**
 * What one ticket currently contributes to the dashboard, recomputed from the ticket's state whenever an
 * event about it arrives. The rollups change by the difference between the stored and the recomputed row,
 * so an event seen twice or late changes nothing twice: the ticket's state, not the event, is the input.
 * The flat columns serve the drill-down lists; `measures` is exactly what was added to the rollups.
 */
export const analyticsTicketFacts = pgTable(
  'analytics_ticket_facts',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    /** Days are local to the workspace's time zone when the fact was computed. */
    createdDay: date('created_day').notNull(),
    solvedDay: date('solved_day'),
    firstResponseDay: date('first_response_day'),
    ratedDay: date('rated_day'),
    reopenDays: date('reopen_days')
      .array()
      .notNull()
      .default(sql`'{}'::date[]`),
    breachDays: date('breach_days')
      .array()
      .notNull()
      .default(sql`'{}'::date[]`),
    teamId: uuid('team_id'),
    agentId: uuid('agent_id'),
    channel: text('channel').notNull(),
    priority: text('priority').notNull(),
    categoryId: uuid('category_id'),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    oneTouch: boolean('one_touch').notNull().default(false),
    /** The latest rating from `csat.received` and when it was given: an older event never overwrites a newer one. */
    csatRating: smallint('csat_rating'),
    csatScale: integer('csat_scale'),
    csatRatedAt: timestamp('csat_rated_at', { withTimezone: true }),
    csatRequestedAt: timestamp('csat_requested_at', { withTimezone: true }),
    measures: jsonb('measures').$type<RollupMeasure[]>().notNull().default([]),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('analytics_ticket_facts_ticket_key').on(t.ticketId),
    index('analytics_ticket_facts_created_idx').on(t.tenantId, t.createdDay, t.ticketId),
    index('analytics_ticket_facts_solved_idx')
      .on(t.tenantId, t.solvedDay, t.ticketId)
      .where(sql`solved_day is not null`),
    // The agents table's drill-downs: one agent's tickets in day order without reading everyone's.
    index('analytics_ticket_facts_agent_created_idx').on(t.tenantId, t.agentId, t.createdDay, t.ticketId),
    index('analytics_ticket_facts_agent_solved_idx')
      .on(t.tenantId, t.agentId, t.solvedDay, t.ticketId)
      .where(sql`solved_day is not null`),
    index('analytics_ticket_facts_responded_idx')
      .on(t.tenantId, t.firstResponseDay, t.ticketId)
      .where(sql`first_response_day is not null`),
    index('analytics_ticket_facts_rated_idx')
      .on(t.tenantId, t.ratedDay, t.ticketId)
      .where(sql`rated_day is not null`),
  ],
);

/**
 * Sums per workspace, local day, dimension (`all`, team, agent, channel, priority, category, tag) and metric.
 * `bucket` splits a metric: a histogram bucket (lower bound in minutes) for times, the local hour for the
 * busiest hours, an SLA target for met/breached; 0 when the metric is a plain count.
 */
export const analyticsRollups = pgTable(
  'analytics_rollups',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    day: date('day').notNull(),
    dimension: text('dimension').notNull(),
    dimensionValue: text('dimension_value').notNull(),
    metric: text('metric').notNull(),
    bucket: integer('bucket').notNull().default(0),
    value: bigint('value', { mode: 'number' }).notNull().default(0),
  },
  (t) => [
    // One dimension value over a range of days: the dashboard's totals and series, filtered or not.
    uniqueIndex('analytics_rollups_key').on(t.tenantId, t.dimension, t.dimensionValue, t.day, t.metric, t.bucket),
    // One metric across a dimension's values (created by channel, per-agent figures): reads only the range's rows.
    index('analytics_rollups_metric_idx').on(t.tenantId, t.metric, t.dimension, t.day),
  ],
);

/**
 * The rollups for two filters at once (team AND channel, agent AND tag, …): one row per workspace, pair of
 * dimension values (`team+channel`, `<team id>|email`) and local day, holding that day's sums keyed
 * `metric:bucket`. One row per day, not per measure: there are fifteen pairs, and a row per measure made the
 * table five times the single rollups. Three filters or more are summed from the ticket facts.
 */
export const analyticsPairRollups = pgTable(
  'analytics_pair_rollups',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    dimension: text('dimension').notNull(),
    dimensionValue: text('dimension_value').notNull(),
    day: date('day').notNull(),
    measures: jsonb('measures').$type<Record<string, number>>().notNull().default({}),
  },
  (t) => [uniqueIndex('analytics_pair_rollups_key').on(t.tenantId, t.dimension, t.dimensionValue, t.day)],
);

/** Event ids the rollup consumer has applied: a redelivered event is recognised and skipped. */
export const analyticsAppliedEvents = pgTable(
  'analytics_applied_events',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    eventId: uuid('event_id').notNull(),
    appliedAt: timestamp('applied_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('analytics_applied_events_event_key').on(t.eventId)],
);

import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
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
import { CSAT_CHANNELS, CSAT_LINK_DAYS, CSAT_SCALES, type CsatQuestion } from '@/lib/constants/csat';
import { createdAt, id, updatedAt } from './columns';
import { customers } from './customers';
import { tenants } from './tenants';
import { tickets } from './tickets';

export const csatScale = pgEnum('csat_scale', CSAT_SCALES);
export const csatChannel = pgEnum('csat_channel', CSAT_CHANNELS);

/** The workspace's survey setup (one row; absent means the defaults: on, 1–5, no follow-ups, 14 days). */
export const csatSettings = pgTable(
  'csat_settings',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    enabled: boolean('enabled').notNull().default(true),
    scale: csatScale('scale').notNull().default('five'),
    questions: text('questions')
      .array()
      .$type<CsatQuestion[]>()
      .notNull()
      .default(sql`'{}'::text[]`),
    linkDays: integer('link_days').notNull().default(CSAT_LINK_DAYS.default),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('csat_settings_tenant_key').on(t.tenantId)],
);

export type CsatAnswers = Partial<Record<CsatQuestion, number>>;

/**
 * One survey per ticket and solve round: `solved_at` is the round (a reopened and re-solved ticket gets a
 * new solved_at, so a new survey). The scale and questions are those the customer was asked, kept so a
 * later settings change cannot reinterpret a rating. `rating` is the current one, normalised to 1..5;
 * every rating given is also in csat_rating_events (the history).
 */
export const csatSurveys = pgTable(
  'csat_surveys',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    solvedAt: timestamp('solved_at', { withTimezone: true }).notNull(),
    scale: csatScale('scale').notNull(),
    questions: text('questions')
      .array()
      .$type<CsatQuestion[]>()
      .notNull()
      .default(sql`'{}'::text[]`),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    rating: integer('rating'),
    comment: text('comment').notNull().default(''),
    answers: jsonb('answers').$type<CsatAnswers>().notNull().default({}),
    ratedAt: timestamp('rated_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('csat_surveys_ticket_round_key').on(t.tenantId, t.ticketId, t.solvedAt),
    // The latest survey of each ticket, for the ticket page and the queue's rating column.
    index('csat_surveys_ticket_idx').on(t.tenantId, t.ticketId, t.createdAt.desc()),
    check('csat_surveys_rating_range', sql`${t.rating} between 1 and 5`),
  ],
);

/** Every rating given, in order: a changed rating is a new row, so nothing a customer said is lost. */
export const csatRatingEvents = pgTable(
  'csat_rating_events',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => csatSurveys.id, { onDelete: 'cascade' }),
    rating: integer('rating').notNull(),
    previousRating: integer('previous_rating'),
    channel: csatChannel('channel').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('csat_rating_events_survey_idx').on(t.surveyId, t.createdAt),
    check('csat_rating_events_rating_range', sql`${t.rating} between 1 and 5`),
  ],
);

import { boolean, integer, jsonb, pgEnum, pgTable, real, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { TRIAGE_SUGGESTION_STATUSES } from '@/lib/constants/assignment';
import type { TriageModel } from '@/lib/triage/naive-bayes';
import { createdAt, id, updatedAt } from './columns';
import { tenants } from './tenants';
import { ticketCategories, ticketPriority, tickets } from './tickets';

export const triageSuggestionStatus = pgEnum('triage_suggestion_status', TRIAGE_SUGGESTION_STATUSES);

/** The workspace's triage: its trained models, their accuracy on held-back tickets, and the admin's settings. */
export const triageSettings = pgTable(
  'triage_settings',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    /** Predictions below this confidence (0–1) are not shown. */
    threshold: real('threshold').notNull().default(0.6),
    /** Add the best help-center articles to a new ticket as an internal note. */
    kbNoteEnabled: boolean('kb_note_enabled').notNull().default(true),
    categoryModel: jsonb('category_model').$type<TriageModel>(),
    priorityModel: jsonb('priority_model').$type<TriageModel>(),
    categoryAccuracy: real('category_accuracy'),
    priorityAccuracy: real('priority_accuracy'),
    trainedOn: integer('trained_on').notNull().default(0),
    heldBack: integer('held_back').notNull().default(0),
    trainedAt: timestamp('trained_at', { withTimezone: true }),
    /** Set by the admin's "Retrain now"; the training job clears it, so the page can say it is waiting. */
    trainRequestedAt: timestamp('train_requested_at', { withTimezone: true }),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('triage_settings_tenant_key').on(t.tenantId)],
);

/** What the classifier predicted for a new ticket, above the threshold; the agent accepts or dismisses it. */
export const ticketTriageSuggestions = pgTable(
  'ticket_triage_suggestions',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    categoryId: uuid('category_id').references(() => ticketCategories.id, { onDelete: 'set null' }),
    categoryConfidence: real('category_confidence'),
    priority: ticketPriority('priority'),
    priorityConfidence: real('priority_confidence'),
    status: triageSuggestionStatus('status').notNull().default('open'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('ticket_triage_suggestions_ticket_key').on(t.ticketId)],
);

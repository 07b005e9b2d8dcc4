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
import { RULE_KINDS } from '@/lib/constants/automation';
import type { RuleAction, RuleConditionGroup, TimeCondition } from '@/lib/validators/automation';
import { createdAt, id, updatedAt } from './columns';
import { tenants } from './tenants';
import { tickets } from './tickets';

export const ruleKind = pgEnum('automation_rule_kind', RULE_KINDS);

export type RuleError = { at: string; ticketId: string | null; message: string };

/**
 * An admin's automation rule. Event rules run on the listed domain events, time rules on the minute sweep;
 * both in `position` order. The condition tree and actions are validated by lib/validators/automation.ts
 * before they are stored. `builtin` names a rule Cairn created (the auto-close setting) and keeps.
 */
export const automationRules = pgTable(
  'automation_rules',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    kind: ruleKind('kind').notNull(),
    builtin: text('builtin'),
    enabled: boolean('enabled').notNull().default(true),
    position: integer('position').notNull().default(0),
    triggers: text('triggers')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    time: jsonb('time').$type<TimeCondition | null>(),
    conditions: jsonb('conditions').$type<RuleConditionGroup>().notNull(),
    actions: jsonb('actions').$type<RuleAction[]>().notNull(),
    firedCount: integer('fired_count').notNull().default(0),
    lastFiredAt: timestamp('last_fired_at', { withTimezone: true }),
    /** The latest failures, newest first (RULE_ERRORS_KEPT of them), for the rule's page. */
    lastErrors: jsonb('last_errors').$type<RuleError[]>().notNull().default([]),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('automation_rules_tenant_name_key').on(t.tenantId, t.name),
    uniqueIndex('automation_rules_tenant_builtin_key').on(t.tenantId, t.builtin),
    index('automation_rules_tenant_position_idx').on(t.tenantId, t.kind, t.position),
  ],
);

/**
 * Each time a rule acted on a ticket. `period_key` makes it once: the event's id for event rules (a
 * redelivered event acts once), the measured timestamp for time rules (once per ticket per matching period:
 * a ticket solved again starts a new period).
 */
export const automationRuleFirings = pgTable(
  'automation_rule_firings',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    ruleId: uuid('rule_id')
      .notNull()
      .references(() => automationRules.id, { onDelete: 'cascade' }),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    periodKey: text('period_key').notNull(),
    firedAt: timestamp('fired_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('automation_rule_firings_once_key').on(t.ruleId, t.ticketId, t.periodKey)],
);

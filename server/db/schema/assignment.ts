import { sql } from 'drizzle-orm';
import { boolean, integer, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { WorkingHours } from '@/lib/assignment/working-hours';
import { AGENT_AVAILABILITY, ASSIGNMENT_POLICIES } from '@/lib/constants/assignment';
import { id, updatedAt } from './columns';
import { teams } from './memberships';
import { tenants } from './tenants';
import { users } from './users';

export const assignmentPolicy = pgEnum('assignment_policy', ASSIGNMENT_POLICIES);
export const agentAvailability = pgEnum('agent_availability', AGENT_AVAILABILITY);

/** A team's assignment policy; a team without a row is manual. */
export const teamAssignmentSettings = pgTable(
  'team_assignment_settings',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    policy: assignmentPolicy('policy').notNull().default('manual'),
    /** A returning requester's ticket goes to the agent who last solved theirs, when available with room. */
    preferPreviousAgent: boolean('prefer_previous_agent').notNull().default(false),
    /** Round robin's cursor: the agent picked last. */
    lastAssignedUserId: uuid('last_assigned_user_id').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('team_assignment_settings_team_key').on(t.teamId)],
);

/** What assignment knows of an agent in a workspace; an agent without a row is available, default capacity. */
export const agentProfiles = pgTable(
  'agent_profiles',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    availability: agentAvailability('availability').notNull().default('available'),
    workingHours: jsonb('working_hours').$type<WorkingHours>(),
    capacity: integer('capacity').notNull().default(10),
    /** Tags or category names the agent covers (lower case). */
    skills: text('skills')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Language codes the agent answers in (lower case, e.g. "en", "de"). */
    languages: text('languages')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('agent_profiles_tenant_user_key').on(t.tenantId, t.userId)],
);

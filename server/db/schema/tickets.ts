import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  foreignKey,
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
import {
  CUSTOM_FIELD_TYPES,
  MACRO_VISIBILITIES,
  MESSAGE_AUTHOR_TYPES,
  MESSAGE_KINDS,
  TICKET_CHANNELS,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
} from '@/lib/constants/ticket';
import { createdAt, id } from './columns';
import { customers } from './customers';
import { teams } from './memberships';
import { tenants } from './tenants';
import { users } from './users';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const ticketStatus = pgEnum('ticket_status', TICKET_STATUSES);
export const ticketPriority = pgEnum('ticket_priority', TICKET_PRIORITIES);
export const ticketChannel = pgEnum('ticket_channel', TICKET_CHANNELS);
export const messageKind = pgEnum('message_kind', MESSAGE_KINDS);
export const messageAuthorType = pgEnum('message_author_type', MESSAGE_AUTHOR_TYPES);
export const customFieldType = pgEnum('custom_field_type', CUSTOM_FIELD_TYPES);

/** Per-workspace ticket numbers: the row lock taken by the increment serialises creates, so no gaps. */
export const ticketCounters = pgTable('ticket_counters', {
  id: id(),
  tenantId: uuid('tenant_id')
    .notNull()
    .references(() => tenants.id, { onDelete: 'cascade' })
    .unique('ticket_counters_tenant_key'),
  lastNumber: bigint('last_number', { mode: 'number' }).notNull().default(0),
});

export const ticketCategories = pgTable(
  'ticket_categories',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    color: text('color').notNull().default('#64748b'),
    icon: text('icon').notNull().default('inbox'),
    position: integer('position').notNull().default(0),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('ticket_categories_tenant_name_key').on(t.tenantId, t.name)],
);

/**
 * The workspace's ticket types. Tickets store the `key` (a slug fixed at creation), not the id, so a
 * rename changes no ticket and rules, saved filters and reports that name a key keep working.
 */
export const ticketTypes = pgTable(
  'ticket_types',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    name: text('name').notNull(),
    position: integer('position').notNull().default(0),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('ticket_types_tenant_key_key').on(t.tenantId, t.key),
    uniqueIndex('ticket_types_tenant_name_key').on(t.tenantId, sql`lower(${t.name})`),
  ],
);

export type CustomFieldOption = { value: string; label: string };

export const ticketFields = pgTable(
  'ticket_fields',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    label: text('label').notNull(),
    type: customFieldType('type').notNull(),
    options: jsonb('options').$type<CustomFieldOption[]>().notNull().default([]),
    required: boolean('required').notNull().default(false),
    /** Checked when a ticket is solved, whatever solves it (an agent, a macro, a bulk action, a rule). */
    requiredOnSolve: boolean('required_on_solve').notNull().default(false),
    visibleToCustomers: boolean('visible_to_customers').notNull().default(false),
    position: integer('position').notNull().default(0),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('ticket_fields_tenant_key_key').on(t.tenantId, t.key)],
);

export type CustomFieldValues = Record<string, string | number | boolean | null>;

export const tickets = pgTable(
  'tickets',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    number: bigint('number', { mode: 'number' }).notNull(),
    subject: text('subject').notNull(),
    status: ticketStatus('status').notNull().default('new'),
    priority: ticketPriority('priority').notNull().default('normal'),
    /** A key of this workspace's ticket_types: the (tenant_id, type) foreign key keeps it inside the workspace. */
    type: text('type'),
    channel: ticketChannel('channel').notNull().default('web'),
    categoryId: uuid('category_id').references(() => ticketCategories.id, { onDelete: 'set null' }),
    requesterId: uuid('requester_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'restrict' }),
    assigneeId: uuid('assignee_id').references(() => users.id, { onDelete: 'set null' }),
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'set null' }),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    customFields: jsonb('custom_fields').$type<CustomFieldValues>().notNull().default({}),
    /** The page and product context the widget or API attached when filing. */
    context: jsonb('context').$type<Record<string, string>>().notNull().default({}),
    mergedIntoId: uuid('merged_into_id'),
    messageCount: integer('message_count').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    firstRespondedAt: timestamp('first_responded_at', { withTimezone: true }),
    lastCustomerMessageAt: timestamp('last_customer_message_at', { withTimezone: true }),
    lastAgentMessageAt: timestamp('last_agent_message_at', { withTimezone: true }),
    solvedAt: timestamp('solved_at', { withTimezone: true }),
    /** When the status last moved: what "hours since the status changed" time rules measure from. */
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    search: tsvector('search').generatedAlwaysAs(sql`to_tsvector('english', coalesce(subject, ''))`),
  },
  (t) => [
    uniqueIndex('tickets_tenant_number_key').on(t.tenantId, t.number),
    // No ON DELETE: removing a type in use must first move or clear its tickets (deleteTicketType does).
    foreignKey({
      name: 'tickets_tenant_type_fk',
      columns: [t.tenantId, t.type],
      foreignColumns: [ticketTypes.tenantId, ticketTypes.key],
    }),
    // One index per built-in view, in the view's order, so a first page reads ~25 index entries.
    index('tickets_unsolved_updated_idx')
      .on(t.tenantId, t.updatedAt.desc(), t.id.desc())
      .where(sql`status in ('new','open','pending','on_hold')`),
    index('tickets_unsolved_assignee_idx')
      .on(t.tenantId, t.assigneeId, t.updatedAt.desc(), t.id.desc())
      .where(sql`status in ('new','open','pending','on_hold')`),
    index('tickets_unassigned_idx')
      .on(t.tenantId, t.updatedAt.desc(), t.id.desc())
      .where(sql`status in ('new','open','pending','on_hold') and assignee_id is null`),
    index('tickets_status_updated_idx').on(t.tenantId, t.status, t.updatedAt.desc(), t.id.desc()),
    index('tickets_solved_idx')
      .on(t.tenantId, t.solvedAt.desc(), t.id.desc())
      .where(sql`solved_at is not null`),
    index('tickets_updated_idx').on(t.tenantId, t.updatedAt.desc(), t.id.desc()),
    index('tickets_created_idx').on(t.tenantId, t.createdAt.desc(), t.id.desc()),
    index('tickets_requester_idx').on(t.tenantId, t.requesterId, t.createdAt.desc()),
    // tenant_id inside the GIN index (btree_gin): a word common elsewhere costs nothing in this workspace.
    index('tickets_tenant_search_idx').using('gin', t.tenantId, t.search),
    index('tickets_tags_idx').using('gin', t.tags),
    index('tickets_subject_trgm_idx').using('gin', sql`subject gin_trgm_ops`),
  ],
);

export const ticketMessages = pgTable(
  'ticket_messages',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    kind: messageKind('kind').notNull(),
    authorType: messageAuthorType('author_type').notNull(),
    authorUserId: uuid('author_user_id').references(() => users.id, { onDelete: 'set null' }),
    authorCustomerId: uuid('author_customer_id').references(() => customers.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    timeSpentMinutes: integer('time_spent_minutes').notNull().default(0),
    createdAt: createdAt(),
    search: tsvector('search').generatedAlwaysAs(sql`to_tsvector('english', coalesce(body, ''))`),
  },
  (t) => [
    index('ticket_messages_ticket_idx').on(t.ticketId, t.createdAt),
    index('ticket_messages_tenant_search_idx').using('gin', t.tenantId, t.search),
    // Newest matching messages first, for words so common that reading every match would be slow.
    index('ticket_messages_tenant_created_idx').on(t.tenantId, t.createdAt.desc(), t.id.desc()),
  ],
);

export type ActivityChanges = Record<string, { from: unknown; to: unknown }>;

/** Every change to a ticket: who, when, and each field from what to what. */
export const ticketActivities = pgTable(
  'ticket_activities',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    actorType: messageAuthorType('actor_type').notNull(),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    actorCustomerId: uuid('actor_customer_id').references(() => customers.id, { onDelete: 'set null' }),
    /** The automation rule that made the change, by name as it was then: the log reads "by rule <name>". */
    actorRuleName: text('actor_rule_name'),
    action: text('action').notNull(),
    changes: jsonb('changes').$type<ActivityChanges>().notNull().default({}),
    reason: text('reason'),
    createdAt: createdAt(),
  },
  (t) => [index('ticket_activities_ticket_idx').on(t.ticketId, t.createdAt)],
);

export const attachments = pgTable(
  'attachments',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    ticketId: uuid('ticket_id').references(() => tickets.id, { onDelete: 'cascade' }),
    messageId: uuid('message_id').references(() => ticketMessages.id, { onDelete: 'cascade' }),
    uploadedByUserId: uuid('uploaded_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    uploadedByCustomerId: uuid('uploaded_by_customer_id').references(() => customers.id, { onDelete: 'set null' }),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    storageKey: text('storage_key').notNull(),
    sha256: text('sha256').notNull(),
    /** The Content-ID of an image sent inline in a mail (without <>): the thread shows it where [cid:…] stands. */
    contentId: text('content_id'),
    createdAt: createdAt(),
  },
  (t) => [
    index('attachments_message_idx').on(t.messageId),
    uniqueIndex('attachments_storage_key_key').on(t.storageKey),
  ],
);

export type ViewFilters = {
  statuses?: string[];
  priorities?: string[];
  assigneeIds?: Array<string | null>;
  teamIds?: string[];
  categoryIds?: string[];
  tags?: string[];
  channels?: string[];
  types?: string[];
  requesterId?: string;
  createdFrom?: string;
  createdTo?: string;
  updatedFrom?: string;
  updatedTo?: string;
  text?: string;
};

export const savedViews = pgTable(
  'saved_views',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    /** null: shared with the whole workspace. */
    ownerUserId: uuid('owner_user_id').references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    filters: jsonb('filters').$type<ViewFilters>().notNull(),
    sort: text('sort').notNull().default('updated_desc'),
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [index('saved_views_tenant_idx').on(t.tenantId, t.ownerUserId)],
);

export type MacroActions = {
  status?: string;
  priority?: string;
  addTags?: string[];
  removeTags?: string[];
  assigneeId?: string | null;
  teamId?: string | null;
  categoryId?: string | null;
  type?: string | null;
  /** Custom field values to set, by field key; null clears one. */
  customFields?: Record<string, string | number | boolean | null>;
};

export const macroVisibility = pgEnum('macro_visibility', MACRO_VISIBILITIES);

export const macros = pgTable(
  'macros',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    /** Set only on personal macros; team and workspace macros belong to the workspace (admins manage them). */
    ownerUserId: uuid('owner_user_id').references(() => users.id, { onDelete: 'cascade' }),
    visibility: macroVisibility('visibility').notNull().default('everyone'),
    /** The teams whose members see a `teams` macro. A deleted team simply stops matching. */
    teamIds: uuid('team_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    name: text('name').notNull(),
    body: text('body').notNull().default(''),
    /** Whether the body goes in as a public reply or an internal note. */
    kind: messageKind('kind').notNull().default('reply'),
    actions: jsonb('actions').$type<MacroActions>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('macros_tenant_name_key').on(t.tenantId, t.name)],
);

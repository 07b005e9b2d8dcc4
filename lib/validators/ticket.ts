import { z } from 'zod';
import {
  BUILT_IN_VIEWS,
  CUSTOM_FIELD_TYPES,
  MACRO_VISIBILITIES,
  MESSAGE_KINDS,
  TICKET_CHANNELS,
  TICKET_PRIORITIES,
  TICKET_SORTS,
  TICKET_STATUSES,
  TICKET_TYPE_KEY_MAX,
} from '@/lib/constants/ticket';

const id = z.uuid();
/**
 * A ticket type's key. Which keys exist is the workspace's business (Admin → Ticket types): the services
 * check it, so here only the shape.
 */
export const ticketTypeKey = z
  .string()
  .trim()
  .min(1, { message: 'Choose a ticket type.' })
  .max(TICKET_TYPE_KEY_MAX, { message: `A ticket type key has at most ${TICKET_TYPE_KEY_MAX} characters.` });
export const ticketSubject = z
  .string()
  .trim()
  .min(3, { message: 'Give the request a subject of at least 3 characters.' })
  .max(200, { message: 'Keep the subject under 200 characters.' });
export const messageBody = z
  .string()
  .trim()
  .min(1, { message: 'Write a message first.' })
  .max(50_000, { message: 'The message is too long (50,000 characters at most).' });
const tag = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(50)
  .regex(/^[a-z0-9][a-z0-9_:.-]*$/, { message: 'Tags use letters, digits, dashes, dots and underscores.' });
export const tagList = z.array(tag).max(30, { message: 'At most 30 tags per ticket.' });
const customFieldValue = z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]);
export const customFieldValues = z.record(z.string().max(64), customFieldValue);
const attachmentIds = z.array(id).max(5, { message: 'Attach at most 5 files per message.' }).default([]);
/** Page context the widget or API attaches (URL, product area, plan…): short strings only. */
const ticketContext = z
  .record(z.string().max(64), z.string().max(2000))
  .refine((v) => Object.keys(v).length <= 30, { message: 'At most 30 context entries.' });

// ── Customer portal ────────────────────────────────────────────────────────────────────────────────
export const portalCreateTicketInput = z.strictObject({
  subject: ticketSubject,
  body: messageBody,
  categoryId: id.optional(),
  name: z.string().trim().max(120).optional(),
  attachmentIds,
  context: ticketContext.optional(),
  /** The tab's support session (lib/utils/support-session.ts), so deflection sees the request filed. */
  supportSessionId: id.optional(),
});
/**
 * The portal's request form: the procedure's own rules for what the customer types (subject, message),
 * with the select's and the name's empty string standing for "none". Files travel beside the form.
 */
export const portalRequestForm = portalCreateTicketInput.pick({ subject: true, body: true }).extend({
  categoryId: z.union([z.literal(''), id]),
  name: z.string().trim().max(120, { message: 'Keep the name under 120 characters.' }),
});
export type PortalRequestForm = z.infer<typeof portalRequestForm>;
export const portalTicketIdInput = z.strictObject({ ticketId: id });
export const portalReplyInput = z.strictObject({ ticketId: id, body: messageBody, attachmentIds });
export const portalListTicketsInput = z.strictObject({
  status: z.enum(['open', 'solved', 'all']).default('all'),
  cursor: id.nullish(),
  limit: z.number().int().min(1).max(50).default(20),
  direction: z.enum(['forward', 'backward']).optional(),
});

// ── Agent workspace ────────────────────────────────────────────────────────────────────────────────
export const createTicketInput = z.strictObject({
  subject: ticketSubject,
  body: messageBody,
  requester: z.union([
    z.strictObject({ customerId: id }),
    z.strictObject({ email: z.email().trim().toLowerCase(), name: z.string().trim().max(120).optional() }),
  ]),
  priority: z.enum(TICKET_PRIORITIES).default('normal'),
  type: ticketTypeKey.optional(),
  channel: z.enum(TICKET_CHANNELS).default('phone'),
  categoryId: id.optional(),
  assigneeId: id.optional(),
  teamId: id.optional(),
  tags: tagList.default([]),
  customFields: customFieldValues.default({}),
  attachmentIds,
  context: ticketContext.optional(),
});

export const ticketFilters = z.strictObject({
  statuses: z.array(z.enum(TICKET_STATUSES)).max(7).optional(),
  priorities: z.array(z.enum(TICKET_PRIORITIES)).max(4).optional(),
  /** null in the list means "unassigned". */
  assigneeIds: z.array(id.nullable()).max(50).optional(),
  teamIds: z.array(id).max(50).optional(),
  categoryIds: z.array(id).max(50).optional(),
  tags: z.array(tag).max(20).optional(),
  channels: z.array(z.enum(TICKET_CHANNELS)).max(6).optional(),
  types: z.array(ticketTypeKey).max(50).optional(),
  requesterId: id.optional(),
  createdFrom: z.coerce.date().optional(),
  createdTo: z.coerce.date().optional(),
  updatedFrom: z.coerce.date().optional(),
  updatedTo: z.coerce.date().optional(),
  text: z.string().trim().max(200).optional(),
});
export type TicketFilters = z.infer<typeof ticketFilters>;

/** A list is a built-in view, a saved view, or ad-hoc filters. */
export const listTicketsInput = z.strictObject({
  view: z.enum(BUILT_IN_VIEWS).optional(),
  savedViewId: id.optional(),
  filters: ticketFilters.optional(),
  sort: z.enum(TICKET_SORTS).default('updated_desc'),
  /** The last row's id of the previous page (nextCursor); anything else is refused here, not by Postgres. */
  cursor: z.uuid({ message: 'Invalid cursor: pass the nextCursor of the previous page unchanged.' }).nullish(),
  limit: z.number().int().min(1).max(100).default(25),
  direction: z.enum(['forward', 'backward']).optional(),
});
export type ListTicketsInput = z.infer<typeof listTicketsInput>;

export const ticketIdInput = z.strictObject({ ticketId: id });
export const ticketNumberInput = z.strictObject({ number: z.number().int().positive() });

export const replyInput = z.strictObject({
  ticketId: id,
  body: messageBody,
  /** reply: public, the customer sees it; note: internal, never reaches the customer. */
  kind: z.enum(MESSAGE_KINDS).exclude(['system']).default('reply'),
  timeSpentMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .default(0),
  /** Status to set with the reply (e.g. pending: waiting on the customer). */
  status: z.enum(TICKET_STATUSES).exclude(['merged', 'new']).optional(),
  attachmentIds,
  /** The ticket's updatedAt the agent saw; a newer ticket refuses the reply until confirmed. */
  seenUpdatedAt: z.coerce.date().optional(),
  confirmStale: z.boolean().default(false),
});

export const updateStatusInput = z.strictObject({
  ticketId: id,
  status: z.enum(TICKET_STATUSES).exclude(['merged']),
  reason: z.string().trim().max(500).optional(),
});
export const assignTicketInput = z.strictObject({
  ticketId: id,
  assigneeId: id.nullable().optional(),
  teamId: id.nullable().optional(),
});
export const updateTicketInput = z.strictObject({
  ticketId: id,
  subject: ticketSubject.optional(),
  priority: z.enum(TICKET_PRIORITIES).optional(),
  type: ticketTypeKey.nullable().optional(),
  categoryId: id.nullable().optional(),
  tags: tagList.optional(),
  customFields: customFieldValues.optional(),
});
export const mergeTicketsInput = z.strictObject({
  sourceTicketId: id,
  targetTicketId: id,
  note: z.string().trim().max(2000).optional(),
});

export const BULK_ACTIONS = ['assign', 'status', 'priority', 'add_tags', 'remove_tags', 'category', 'close'] as const;
export const bulkUpdateInput = z.strictObject({
  ticketIds: z.array(id).min(1).max(500, { message: 'Select at most 500 tickets at a time.' }),
  action: z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('assign'), assigneeId: id.nullable(), teamId: id.nullable().optional() }),
    z.strictObject({ type: z.literal('status'), status: z.enum(TICKET_STATUSES).exclude(['merged', 'new']) }),
    z.strictObject({ type: z.literal('priority'), priority: z.enum(TICKET_PRIORITIES) }),
    z.strictObject({ type: z.literal('add_tags'), tags: tagList.min(1) }),
    z.strictObject({ type: z.literal('remove_tags'), tags: tagList.min(1) }),
    z.strictObject({ type: z.literal('category'), categoryId: id.nullable() }),
    z.strictObject({ type: z.literal('close') }),
  ]),
});

export const searchTicketsInput = z.strictObject({
  query: z.string().trim().min(1).max(200),
  limit: z.number().int().min(1).max(50).default(20),
});

// ── Workspace configuration for tickets ──────────────────────────────────────────────────────────────
const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, { message: 'Use a colour like #0f766e.' });
export const createCategoryInput = z.strictObject({
  name: z.string().trim().min(2).max(60),
  description: z.string().trim().max(300).default(''),
  color: hexColor.default('#64748b'),
  icon: z.string().trim().min(1).max(40).default('inbox'),
});
export const updateCategoryInput = z.strictObject({
  categoryId: id,
  name: z.string().trim().min(2).max(60).optional(),
  description: z.string().trim().max(300).optional(),
  color: hexColor.optional(),
  icon: z.string().trim().min(1).max(40).optional(),
  position: z.number().int().min(0).max(1000).optional(),
  archived: z.boolean().optional(),
});
export const categoryIdInput = z.strictObject({ categoryId: id });
// Removing a value tickets use says what happens to those tickets: moved to another value, or cleared.
export const deleteCategoryInput = z.strictObject({
  categoryId: id,
  tickets: z.discriminatedUnion('action', [
    z.strictObject({ action: z.literal('reassign'), categoryId: id }),
    z.strictObject({ action: z.literal('clear') }),
  ]),
});

const ticketTypeName = z
  .string()
  .trim()
  .min(2, { message: 'Give the type a name of at least 2 characters.' })
  .max(40, { message: 'Keep the name under 40 characters.' });
export const createTicketTypeInput = z.strictObject({ name: ticketTypeName });
export const updateTicketTypeInput = z.strictObject({
  typeId: id,
  name: ticketTypeName.optional(),
  archived: z.boolean().optional(),
});
export const reorderTicketTypesInput = z.strictObject({ typeIds: z.array(id).min(1).max(200) });
export const deleteTicketTypeInput = z.strictObject({
  typeId: id,
  tickets: z.discriminatedUnion('action', [
    z.strictObject({ action: z.literal('reassign'), typeId: id }),
    z.strictObject({ action: z.literal('clear') }),
  ]),
});

const optionValue = z.string().trim().min(1).max(80);
const fieldOptions = z.array(z.strictObject({ value: optionValue, label: z.string().trim().min(1).max(80) })).max(100);
// Removing a dropdown option tickets hold says, per option, where those tickets go: to a kept option, or cleared.
const removedOptions = z
  .array(
    z.strictObject({
      value: optionValue,
      tickets: z.discriminatedUnion('action', [
        z.strictObject({ action: z.literal('reassign'), value: optionValue }),
        z.strictObject({ action: z.literal('clear') }),
      ]),
    }),
  )
  .max(100)
  .refine((answers) => new Set(answers.map((a) => a.value)).size === answers.length, {
    message: 'Say once what happens to the tickets of each removed option.',
  });
export const createFieldInput = z.strictObject({
  key: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z][a-z0-9_]{1,40}$/, {
      message: 'Keys start with a letter and use lowercase letters, digits and underscores.',
    }),
  label: z.string().trim().min(1).max(80),
  type: z.enum(CUSTOM_FIELD_TYPES),
  options: fieldOptions.default([]),
  required: z.boolean().default(false),
  requiredOnSolve: z.boolean().default(false),
  visibleToCustomers: z.boolean().default(false),
});
export const fieldIdInput = z.strictObject({ fieldId: id });
export const updateFieldInput = z.strictObject({
  fieldId: id,
  label: z.string().trim().min(1).max(80).optional(),
  options: fieldOptions.optional(),
  removedOptions: removedOptions.optional(),
  required: z.boolean().optional(),
  requiredOnSolve: z.boolean().optional(),
  visibleToCustomers: z.boolean().optional(),
});
export const deleteTagInput = z.strictObject({
  tag,
  tickets: z.discriminatedUnion('action', [
    z.strictObject({ action: z.literal('reassign'), tag }),
    z.strictObject({ action: z.literal('clear') }),
  ]),
});

export const ticketNumberFormatInput = z.strictObject({
  prefix: z
    .string()
    .trim()
    .max(10)
    .regex(/^[A-Za-z0-9]*$/, { message: 'The prefix uses letters and digits only.' }),
  includeYear: z.boolean(),
  padding: z.number().int().min(1).max(12),
  suffix: z
    .string()
    .trim()
    .max(10)
    .regex(/^[A-Za-z0-9]*$/, { message: 'The suffix uses letters and digits only.' }),
  autoCloseAfterDays: z.number().int().min(1).max(90).default(4),
});

export const saveViewInput = z.strictObject({
  name: z.string().trim().min(1).max(60),
  filters: ticketFilters,
  sort: z.enum(TICKET_SORTS).default('updated_desc'),
  shared: z.boolean().default(false),
});
export const savedViewIdInput = z.strictObject({ savedViewId: id });

export const macroActions = z.strictObject({
  status: z.enum(TICKET_STATUSES).exclude(['merged', 'new']).optional(),
  priority: z.enum(TICKET_PRIORITIES).optional(),
  addTags: tagList.optional(),
  removeTags: tagList.optional(),
  assigneeId: id.nullable().optional(),
  teamId: id.nullable().optional(),
  categoryId: id.nullable().optional(),
  type: ticketTypeKey.nullable().optional(),
  customFields: customFieldValues.optional(),
});
export const saveMacroInput = z
  .strictObject({
    macroId: id.optional(),
    name: z.string().trim().min(1, { message: 'Give the macro a name.' }).max(80),
    body: z.string().max(20_000).default(''),
    kind: z.enum(['reply', 'note']).default('reply'),
    actions: macroActions.default({}),
    visibility: z.enum(MACRO_VISIBILITIES).default('everyone'),
    teamIds: z.array(id).max(50).default([]),
  })
  .refine((m) => m.visibility !== 'teams' || m.teamIds.length > 0, {
    message: 'Choose at least one team to share the macro with, or pick another visibility.',
    path: ['teamIds'],
  });
export const macroIdInput = z.strictObject({ macroId: id });
export const applyMacroInput = z.strictObject({ macroId: id, ticketId: id });

import type { TicketPriority, TicketSort, TicketStatus } from '@/lib/constants/ticket';
import type { TicketFilters } from '@/lib/validators/ticket';
import type { ActiveList } from './active-list';

export const TICKET_PAGE_SIZE = 25;

/** The filter bar's state: single choices per field keep the controls native and keyboard-friendly. */
export type ListFilterState = {
  status: TicketStatus | '';
  priority: TicketPriority | '';
  /** '' anyone, 'none' unassigned, otherwise a user id. */
  assignee: string;
  tags: string;
  text: string;
};

export const EMPTY_FILTERS: ListFilterState = { status: '', priority: '', assignee: '', tags: '', text: '' };

const TAG = /^[a-z0-9][a-z0-9_:.-]*$/;

/** "Billing, VIP  refund" → ['billing', 'vip', 'refund']; anything the server would reject is left out. */
export function parseTags(raw: string) {
  const tags = raw
    .split(/[\s,]+/)
    .map((t) => t.trim().toLowerCase())
    .filter((t) => t.length > 0 && t.length <= 50 && TAG.test(t));
  return [...new Set(tags)].slice(0, 20);
}

export function hasFilters(state: ListFilterState) {
  return Boolean(state.status || state.priority || state.assignee || parseTags(state.tags).length || state.text.trim());
}

/** The list procedure's `filters`, or undefined when nothing narrows the list (keeps the cache key stable). */
export function toTicketFilters(state: ListFilterState): TicketFilters | undefined {
  const filters: TicketFilters = {};
  if (state.status) filters.statuses = [state.status];
  if (state.priority) filters.priorities = [state.priority];
  if (state.assignee) filters.assigneeIds = [state.assignee === 'none' ? null : state.assignee];
  const tags = parseTags(state.tags);
  if (tags.length) filters.tags = tags;
  const text = state.text.trim().slice(0, 200);
  if (text) filters.text = text;
  return Object.keys(filters).length ? filters : undefined;
}

/** The list procedure's input for a page; the server page prefetches with the same shape so the cache hits. */
export function listInput(active: ActiveList, filters?: TicketFilters, sort: TicketSort = 'updated_desc') {
  return {
    view: active.kind === 'view' ? active.view : undefined,
    savedViewId: active.kind === 'saved' ? active.savedViewId : undefined,
    filters,
    sort,
    limit: TICKET_PAGE_SIZE,
  };
}

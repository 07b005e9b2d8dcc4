'use client';

import { Button } from '@/components/ui/button';
import { Input, Label } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import {
  STATUS_LABELS,
  TICKET_PRIORITIES,
  TICKET_SORTS,
  TICKET_STATUSES,
  type TicketSort,
} from '@/lib/constants/ticket';
import { EMPTY_FILTERS, hasFilters, type ListFilterState } from './list-filters';
import { PRIORITY_LABELS, SORT_LABELS } from './ticket-labels';
import type { Assignee } from './types';

export type ListLayout = 'table' | 'board';

/** Filters, sort order and layout for a ticket list. Every control is a labelled native field. */
export function TicketFilterBar({
  filters,
  onFiltersChange,
  sort,
  onSortChange,
  layout,
  onLayoutChange,
  assignees,
  currentUserId,
}: {
  filters: ListFilterState;
  onFiltersChange: (next: ListFilterState) => void;
  sort: TicketSort;
  onSortChange: (sort: TicketSort) => void;
  layout: ListLayout;
  onLayoutChange: (layout: ListLayout) => void;
  assignees: Assignee[];
  currentUserId: string;
}) {
  const set = <K extends keyof ListFilterState>(key: K, value: ListFilterState[K]) =>
    onFiltersChange({ ...filters, [key]: value });

  return (
    <div
      role="search"
      aria-label="Filter tickets"
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-3"
    >
      <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
        <div className="col-span-2 md:col-span-3 xl:col-span-2">
          <Label htmlFor="filter-text">Contains</Label>
          <Input
            id="filter-text"
            type="search"
            placeholder="Words in the subject or messages"
            value={filters.text}
            onChange={(e) => set('text', e.target.value)}
          />
        </div>
        <div>
          <Label htmlFor="filter-status">Status filter</Label>
          <Select
            id="filter-status"
            value={filters.status}
            onChange={(e) => set('status', e.target.value as ListFilterState['status'])}
          >
            <option value="">Any status</option>
            {TICKET_STATUSES.map((status) => (
              <option key={status} value={status}>
                {STATUS_LABELS[status]}
              </option>
            ))}
          </Select>
        </div>
        <div>
          <Label htmlFor="filter-priority">Priority filter</Label>
          <Select
            id="filter-priority"
            value={filters.priority}
            onChange={(e) => set('priority', e.target.value as ListFilterState['priority'])}
          >
            <option value="">Any priority</option>
            {TICKET_PRIORITIES.map((priority) => (
              <option key={priority} value={priority}>
                {PRIORITY_LABELS[priority]}
              </option>
            ))}
          </Select>
        </div>
        <div>
          <Label htmlFor="filter-assignee">Assignee filter</Label>
          <Select id="filter-assignee" value={filters.assignee} onChange={(e) => set('assignee', e.target.value)}>
            <option value="">Anyone</option>
            <option value="none">Unassigned</option>
            <option value={currentUserId}>Me</option>
            {assignees
              .filter((a) => a.id !== currentUserId)
              .map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name || a.email}
                </option>
              ))}
          </Select>
        </div>
        <div>
          <Label htmlFor="filter-tags">Tags</Label>
          <Input
            id="filter-tags"
            placeholder="billing, vip"
            value={filters.tags}
            onChange={(e) => set('tags', e.target.value)}
          />
        </div>
      </div>
      <div className="flex flex-wrap items-end gap-3">
        <div className="w-56">
          <Label htmlFor="list-sort">Sort by</Label>
          <Select id="list-sort" value={sort} onChange={(e) => onSortChange(e.target.value as TicketSort)}>
            {TICKET_SORTS.map((s) => (
              <option key={s} value={s}>
                {SORT_LABELS[s]}
              </option>
            ))}
          </Select>
        </div>
        <fieldset className="flex items-center">
          <legend className="sr-only">Layout</legend>
          <div className="inline-flex rounded-md border border-slate-300 bg-white p-0.5">
            {(['table', 'board'] as const).map((option) => (
              <button
                key={option}
                type="button"
                aria-pressed={layout === option}
                onClick={() => onLayoutChange(option)}
                className={`h-8 rounded px-3 text-sm font-medium ${layout === option ? 'bg-slate-900 text-white' : 'text-slate-700 hover:bg-slate-100'}`}
              >
                {option === 'table' ? 'Table' : 'Board'}
              </button>
            ))}
          </div>
        </fieldset>
        {hasFilters(filters) ? (
          <Button variant="ghost" size="sm" onClick={() => onFiltersChange(EMPTY_FILTERS)}>
            Clear filters
          </Button>
        ) : null}
      </div>
    </div>
  );
}

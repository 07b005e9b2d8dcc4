'use client';

import { Button } from '@/components/ui/button';
import { Input, Label, SearchInput } from '@/components/ui/input';
import { boundTo, labelledOptions, SelectField, type SelectOption } from '@/components/ui/select-field';
import { ToggleButtons } from '@/components/ui/toggle-buttons';
import {
  STATUS_LABELS,
  TICKET_PRIORITIES,
  TICKET_SORTS,
  TICKET_STATUSES,
  type TicketSort,
} from '@/lib/constants/ticket';
import { otherAgentOptions } from './agent-options';
import { EMPTY_FILTERS, hasFilters, type ListFilterState } from './list-filters';
import { PRIORITY_LABELS, SORT_LABELS } from './ticket-labels';
import type { Assignee } from './types';

export type ListLayout = 'table' | 'board';

const LAYOUT_OPTIONS = [
  { value: 'table', label: 'Table' },
  { value: 'board', label: 'Board' },
] as const satisfies readonly SelectOption<ListLayout>[];
const SORT_OPTIONS = labelledOptions(TICKET_SORTS, SORT_LABELS);

/** What a ticket list shows: which tickets (the filters), in which order, and how (table or board). */
export type ListControls = { filters: ListFilterState; sort: TicketSort; layout: ListLayout };

/** Filters, sort order and layout for a ticket list. Every control is a labelled native field. */
export function TicketFilterBar({
  controls,
  onChange,
  assignees,
  currentUserId,
}: {
  controls: ListControls;
  onChange: (next: ListControls) => void;
  assignees: Assignee[];
  currentUserId: string;
}) {
  const { filters, sort, layout } = controls;
  const change = (patch: Partial<ListControls>) => onChange({ ...controls, ...patch });
  const set = <K extends keyof ListFilterState>(key: K, value: ListFilterState[K]) =>
    change({ filters: { ...filters, [key]: value } });
  /** A filter select, bound to its key; its id is `filter-<key>`. */
  const select = <K extends 'status' | 'priority' | 'assignee'>(
    key: K,
    label: string,
    options: readonly SelectOption<ListFilterState[K]>[],
  ) => <SelectField id={`filter-${key}`} label={label} options={options} {...boundTo(filters, set, key)} />;

  return (
    <div
      role="search"
      aria-label="Filter tickets"
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-3"
    >
      <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
        <div className="col-span-2 md:col-span-3 xl:col-span-2">
          <Label htmlFor="filter-text">Contains</Label>
          <SearchInput
            id="filter-text"
            placeholder="Words in the subject or messages"
            value={filters.text}
            onValueChange={(text) => set('text', text)}
          />
        </div>
        {select('status', 'Status filter', [
          { value: '', label: 'Any status' },
          ...labelledOptions(TICKET_STATUSES, STATUS_LABELS),
        ])}
        {select('priority', 'Priority filter', [
          { value: '', label: 'Any priority' },
          ...labelledOptions(TICKET_PRIORITIES, PRIORITY_LABELS),
        ])}
        {select('assignee', 'Assignee filter', [
          { value: '', label: 'Anyone' },
          { value: 'none', label: 'Unassigned' },
          { value: currentUserId, label: 'Me' },
          ...otherAgentOptions(assignees, currentUserId),
        ])}
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
        <SelectField
          id="list-sort"
          label="Sort by"
          fieldClassName="w-56"
          value={sort}
          onValueChange={(next) => change({ sort: next })}
          options={SORT_OPTIONS}
        />
        <fieldset className="flex items-center">
          <legend className="sr-only">Layout</legend>
          <ToggleButtons options={LAYOUT_OPTIONS} value={layout} onChange={(next) => change({ layout: next })} />
        </fieldset>
        {hasFilters(filters) ? (
          <Button variant="ghost" size="sm" onClick={() => change({ filters: EMPTY_FILTERS })}>
            Clear filters
          </Button>
        ) : null}
      </div>
    </div>
  );
}

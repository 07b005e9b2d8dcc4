'use client';

import { X } from 'lucide-react';
import { useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { SelectField, type SelectOption } from '@/components/ui/select-field';
import { activeFilters } from '@/lib/reports/report-filters';
import { REPORT_FILTER_DIMENSIONS, type ReportFilterDimension } from '@/lib/reports/rollup-measures';

export const FILTER_LABELS: Record<ReportFilterDimension, string> = {
  team: 'Team',
  agent: 'Agent',
  channel: 'Channel',
  priority: 'Priority',
  category: 'Category',
  tag: 'Tag',
};

/** The filters in use, each with the name it was chosen by (ids mean nothing to a reader). */
export type ChosenFilters = Partial<Record<ReportFilterDimension, SelectOption>>;

/**
 * Adds filters one dimension at a time; they combine (team AND channel AND tag). Each shows as a chip that
 * removes it, and "Clear filters" removes them all. A value is added with the button rather than on change:
 * a native select fires change while a keyboard user arrows through it.
 */
export function DashboardFilters({
  chosen,
  onChange,
  optionsFor,
}: {
  chosen: ChosenFilters;
  onChange: (next: ChosenFilters) => void;
  optionsFor: (dimension: ReportFilterDimension) => SelectOption[];
}) {
  const [dimension, setDimension] = useState<ReportFilterDimension | ''>('');
  const [value, setValue] = useState('');
  const picker = useRef<HTMLDivElement>(null);
  const free = REPORT_FILTER_DIMENSIONS.filter((d) => !chosen[d]);
  const inUse = activeFilters(chosen);
  const options = dimension ? optionsFor(dimension) : [];
  // The control the user was on goes away (a chip, the Add button): keep the focus in the filter bar.
  const refocus = () => picker.current?.querySelector('select')?.focus();

  const add = () => {
    const option = options.find((o) => o.value === value);
    if (!dimension || !option) return;
    onChange({ ...chosen, [dimension]: option });
    setDimension('');
    setValue('');
    refocus();
  };
  const remove = (d: ReportFilterDimension) => {
    const { [d]: _removed, ...rest } = chosen;
    onChange(rest);
    refocus();
  };
  const clear = () => {
    onChange({});
    refocus();
  };

  return (
    <div className="space-y-2 sm:col-span-2 lg:col-span-5" role="group" aria-label="Filters">
      <div ref={picker} className="grid items-end gap-3 sm:grid-cols-[1fr_1fr_auto] lg:max-w-3xl">
        <SelectField
          id="report-dimension"
          label="Filter by"
          value={dimension}
          onValueChange={(d) => {
            setDimension(d);
            setValue('');
          }}
          options={[
            { value: '', label: free.length ? 'Choose a dimension…' : 'Every dimension is filtered' },
            ...free.map((d) => ({ value: d, label: FILTER_LABELS[d] })),
          ]}
        />
        {dimension ? (
          <SelectField
            id="report-value"
            label={FILTER_LABELS[dimension]}
            value={value}
            onValueChange={setValue}
            options={[{ value: '', label: options.length ? 'Choose…' : 'None in this range' }, ...options]}
          />
        ) : (
          <div aria-hidden className="hidden sm:block" />
        )}
        <Button type="button" variant="secondary" disabled={!dimension || !value} onClick={add}>
          Add filter
        </Button>
      </div>
      {inUse.length ? (
        <ul className="flex flex-wrap items-center gap-2" aria-label="Filters in use">
          {inUse.map(([d, f]) => (
            <li key={d}>
              <button
                type="button"
                onClick={() => remove(d)}
                aria-label={`Remove filter ${FILTER_LABELS[d]}: ${f.label}`}
                className="inline-flex max-w-full items-center gap-1 rounded-full border border-indigo-200 bg-indigo-50 py-1 pr-2 pl-3 text-sm text-indigo-900 hover:bg-indigo-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand"
              >
                <span className="truncate">
                  {FILTER_LABELS[d]}: {f.label}
                </span>
                <X aria-hidden className="h-3.5 w-3.5 shrink-0" />
              </button>
            </li>
          ))}
          <li>
            <Button type="button" variant="ghost" size="sm" onClick={clear}>
              Clear filters
            </Button>
          </li>
        </ul>
      ) : null}
    </div>
  );
}

'use client';

import Link from 'next/link';
import { SlaBadge } from '@/components/sla/sla-badge';
import { PriorityLabel, StatusBadge } from './ticket-badges';
import { RelativeTime } from './relative-time';
import { RowCheckbox } from './row-checkbox';
import { ticketPath } from './ticket-search';
import type { TicketRow } from './types';

/**
 * The ticket list as a table on wide screens; on phones each row folds into a card (the header row is
 * hidden and cells stack). Rows carry data-row-index so list shortcuts (j/k/x/Enter) can find them.
 */
export function TicketTable({
  rows,
  selected,
  onToggle,
  onToggleAll,
  caption,
}: {
  rows: TicketRow[];
  selected: ReadonlySet<string>;
  onToggle: (id: string, checked: boolean) => void;
  onToggleAll: (checked: boolean) => void;
  caption: string;
}) {
  const selectedHere = rows.filter((r) => selected.has(r.id)).length;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="hidden bg-slate-50 text-xs uppercase tracking-wide text-slate-500 md:table-header-group">
          <tr>
            <th scope="col" className="w-10 px-3 py-2">
              <RowCheckbox
                label="Select all loaded tickets"
                checked={rows.length > 0 && selectedHere === rows.length}
                indeterminate={selectedHere > 0 && selectedHere < rows.length}
                onChange={onToggleAll}
              />
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Number
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Subject
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Requester
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Status · SLA
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Priority
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Assignee
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Updated
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row, index) => {
            const isSelected = selected.has(row.id);
            return (
              <tr
                key={row.id}
                data-row-index={index}
                data-ticket-id={row.id}
                className={`grid grid-cols-[auto_1fr_auto] items-center gap-x-3 gap-y-1 px-3 py-3 focus-within:bg-slate-50 md:table-row md:p-0 ${isSelected ? 'bg-sky-50' : ''}`}
              >
                <td className="row-span-3 self-start md:w-10 md:px-3 md:py-3">
                  <RowCheckbox label={`Select ${row.displayNumber}`} checked={isSelected} onChange={(checked) => onToggle(row.id, checked)} />
                </td>
                <td className="col-start-2 font-mono text-xs text-slate-500 md:whitespace-nowrap md:px-3 md:py-3">{row.displayNumber}</td>
                <td className="col-span-2 col-start-2 min-w-0 md:max-w-md md:px-3 md:py-3">
                  <Link href={ticketPath(row.id)} data-row-link className="block truncate font-medium text-slate-900 hover:underline">
                    {row.subject}
                  </Link>
                  {row.tags.length ? (
                    <span className="mt-0.5 block truncate text-xs text-slate-500">
                      <span className="sr-only">Tags: </span>
                      {row.tags.map((t) => `#${t}`).join(' ')}
                    </span>
                  ) : null}
                </td>
                <td className="col-start-2 min-w-0 truncate text-slate-700 md:max-w-48 md:px-3 md:py-3" title={row.requester.email}>
                  <span className="sr-only md:hidden">Requester: </span>
                  {row.requester.name || row.requester.email}
                </td>
                <td className="col-start-3 row-start-1 justify-self-end md:px-3 md:py-3">
                  <StatusBadge status={row.status} />
                  {/* On wide screens the countdown sits under the status, so the table gains no column. */}
                  {row.sla ? (
                    <span className="mt-1 hidden md:block">
                      <SlaBadge metric={row.sla.metric} state={row.sla.state} dueAt={row.sla.dueAt} />
                    </span>
                  ) : null}
                </td>
                <td className="hidden md:table-cell md:px-3 md:py-3">
                  <PriorityLabel priority={row.priority} />
                </td>
                <td className="hidden truncate text-slate-700 md:table-cell md:max-w-40 md:px-3 md:py-3">
                  {row.assignee?.name ?? <span className="text-slate-400">Unassigned</span>}
                </td>
                {/* On phones the countdown gets its own line under the requester; rows without one skip it. */}
                {row.sla ? (
                  <td className="col-span-2 col-start-2 row-start-4 justify-self-start md:hidden">
                    <SlaBadge metric={row.sla.metric} state={row.sla.state} dueAt={row.sla.dueAt} />
                  </td>
                ) : null}
                <td className="col-start-3 row-start-3 justify-self-end whitespace-nowrap text-xs text-slate-500 md:px-3 md:py-3 md:text-sm">
                  <RelativeTime date={row.updatedAt} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

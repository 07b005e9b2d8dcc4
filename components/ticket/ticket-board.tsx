'use client';

import Link from 'next/link';
import { SlaBadge } from '@/components/sla/sla-badge';
import { STATUS_LABELS } from '@/lib/constants/ticket';
import { PriorityLabel } from './ticket-badges';
import { BOARD_STATUSES } from './ticket-labels';
import { RelativeTime } from './relative-time';
import { RowCheckbox } from './row-checkbox';
import { ticketPath } from './ticket-search';
import type { TicketRow } from './types';

/**
 * The loaded tickets as cards in one column per working status. Card order (column by column) is the
 * order j/k move through, so data-row-index follows it.
 */
export function TicketBoard({
  rows,
  selected,
  onToggle,
}: {
  rows: TicketRow[];
  selected: ReadonlySet<string>;
  onToggle: (id: string, checked: boolean) => void;
}) {
  let index = 0;
  const columns = BOARD_STATUSES.map((status) => ({ status, rows: rows.filter((r) => r.status === status) }));
  const elsewhere = rows.length - columns.reduce((n, c) => n + c.rows.length, 0);
  return (
    <div className="space-y-2">
      <div className="flex gap-3 overflow-x-auto pb-2">
        {columns.map((column) => (
          <section
            key={column.status}
            aria-labelledby={`board-${column.status}`}
            className="flex w-64 shrink-0 flex-col rounded-lg bg-slate-100 p-2"
          >
            <h2
              id={`board-${column.status}`}
              className="flex items-center justify-between px-1 pb-2 text-sm font-semibold text-slate-700"
            >
              {STATUS_LABELS[column.status]}
              <span className="rounded-full bg-white px-2 text-xs font-medium text-slate-600">
                {column.rows.length}
              </span>
            </h2>
            {column.rows.length === 0 ? (
              <p className="px-1 py-4 text-center text-xs text-slate-500">Nothing here</p>
            ) : (
              // Tailwind's list-style: none makes Safari drop the list role: say it again.
              // eslint-disable-next-line jsx-a11y/no-redundant-roles
              <ul role="list" className="space-y-2">
                {column.rows.map((row) => {
                  const isSelected = selected.has(row.id);
                  return (
                    <li
                      key={row.id}
                      data-row-index={index++}
                      data-ticket-id={row.id}
                      className={`rounded-md border bg-white p-3 shadow-sm focus-within:ring-2 focus-within:ring-brand ${isSelected ? 'border-sky-400' : 'border-slate-200'}`}
                    >
                      <div className="flex items-start gap-2">
                        <RowCheckbox
                          label={`Select ${row.displayNumber}`}
                          checked={isSelected}
                          onChange={(checked) => onToggle(row.id, checked)}
                        />
                        <div className="min-w-0 flex-1">
                          <p className="font-mono text-xs text-slate-500">{row.displayNumber}</p>
                          <Link
                            href={ticketPath(row.id)}
                            data-row-link
                            className="line-clamp-2 text-sm font-medium text-slate-900 hover:underline"
                          >
                            {row.subject}
                          </Link>
                          <p className="mt-1 truncate text-xs text-slate-600">
                            {row.requester.name || row.requester.email}
                          </p>
                          <div className="mt-2 flex items-center justify-between gap-2 text-xs text-slate-500">
                            <PriorityLabel priority={row.priority} className="text-xs" />
                            <RelativeTime date={row.updatedAt} />
                          </div>
                          <div className="mt-1 flex items-center justify-between gap-2">
                            <p className="min-w-0 truncate text-xs text-slate-500">
                              {row.assignee?.name ?? 'Unassigned'}
                            </p>
                            {row.sla ? (
                              <SlaBadge metric={row.sla.metric} state={row.sla.state} dueAt={row.sla.dueAt} />
                            ) : null}
                          </div>
                        </div>
                      </div>
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
        ))}
      </div>
      {elsewhere > 0 ? (
        <p className="text-xs text-slate-500">
          {elsewhere} loaded {elsewhere === 1 ? 'ticket is' : 'tickets are'} closed or merged and not shown on the
          board. Switch to the table to see {elsewhere === 1 ? 'it' : 'them'}.
        </p>
      ) : null}
    </div>
  );
}

'use client';

import { createColumnHelper, getCoreRowModel, useReactTable, type ColumnDef } from '@tanstack/react-table';
import Link from 'next/link';
import { RatingBadge } from '@/components/csat/rating-badge';
import { SlaBadge } from '@/components/sla/sla-badge';
import { HeaderCells, RowCells } from '@/components/ui/table-parts';
import { cn } from '@/lib/utils/cn';
import { PriorityLabel, StatusBadge } from './ticket-badges';
import { RelativeTime } from './relative-time';
import { RowCheckbox } from './row-checkbox';
import { ticketPath } from './ticket-search';
import type { TicketRow } from './types';

/**
 * How a column lays out: `head` for its header cell, `cell` for its cells, phone first (on phones the header
 * row hides and each row is a three-column card grid). On wide screens the subject takes what the other
 * columns leave and truncates (its full text as a tooltip); the number has its own column from 1700 px and
 * the assignee from 1400 px, and below that the number sits under the subject, so the table fits 1280 px
 * and 1440 px (beside the views panel) without a horizontal scroll.
 */
type ColumnLayout = { head?: string; cell: string };

declare module '@tanstack/react-table' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the generics must match the library's
  interface ColumnMeta<TData, TValue> {
    layout: ColumnLayout;
  }
}

type Selection = { selected: ReadonlySet<string>; onToggle: (id: string, checked: boolean) => void };

const column = createColumnHelper<TicketRow>();

function columns({ selected, onToggle }: Selection, toggleAll: (rows: TicketRow[]) => React.ReactNode) {
  return [
    column.display({
      id: 'select',
      header: ({ table }) => toggleAll(table.getCoreRowModel().rows.map((r) => r.original)),
      cell: ({ row }) => (
        <RowCheckbox
          label={`Select ${row.original.displayNumber}`}
          checked={selected.has(row.original.id)}
          onChange={(checked) => onToggle(row.original.id, checked)}
        />
      ),
      meta: { layout: { head: 'w-10', cell: 'row-span-3 self-start md:w-10 md:px-3 md:py-3' } },
    }),
    column.accessor('displayNumber', {
      header: 'Number',
      cell: (info) => info.getValue(),
      meta: {
        layout: {
          head: 'hidden min-[1700px]:table-cell',
          cell: 'col-start-2 font-mono text-xs text-slate-500 md:hidden md:whitespace-nowrap md:px-3 md:py-3 min-[1700px]:table-cell',
        },
      },
    }),
    column.accessor('subject', {
      header: 'Subject',
      cell: ({ row }) => (
        <>
          <Link
            href={ticketPath(row.original.id)}
            data-row-link
            title={row.original.subject}
            className="block truncate font-medium text-slate-900 hover:underline"
          >
            {row.original.subject}
          </Link>
          <span className="hidden font-mono text-xs text-slate-500 md:block min-[1700px]:hidden">
            {row.original.displayNumber}
          </span>
          {row.original.tags.length ? (
            <span className="mt-0.5 block truncate text-xs text-slate-500">
              <span className="sr-only">Tags: </span>
              {row.original.tags.map((t) => `#${t}`).join(' ')}
            </span>
          ) : null}
        </>
      ),
      meta: { layout: { head: 'w-full', cell: 'col-span-2 col-start-2 min-w-0 md:w-full md:max-w-0 md:px-3 md:py-3' } },
    }),
    column.accessor((row) => row.requester.name || row.requester.email, {
      id: 'requester',
      header: 'Requester',
      cell: ({ row, getValue }) => (
        <span className="block truncate md:max-w-32" title={row.original.requester.email}>
          <span className="sr-only md:hidden">Requester: </span>
          {getValue()}
        </span>
      ),
      meta: { layout: { cell: 'col-start-2 min-w-0 text-slate-700 md:px-3 md:py-3' } },
    }),
    column.accessor('status', {
      header: 'Status · SLA',
      cell: ({ row }) => (
        <>
          <StatusBadge status={row.original.status} />
          {/* On wide screens the countdown sits under the status, so the table gains no column. */}
          {row.original.sla ? (
            <span className="mt-1 hidden md:block">
              <SlaBadge
                metric={row.original.sla.metric}
                state={row.original.sla.state}
                dueAt={row.original.sla.dueAt}
              />
            </span>
          ) : null}
          {/* A solved ticket's satisfaction rating sits there too: seen in the queue without opening it. */}
          {row.original.csat ? (
            <span className="mt-1 block">
              <RatingBadge rating={row.original.csat.rating} scale={row.original.csat.scale} />
            </span>
          ) : null}
        </>
      ),
      meta: {
        layout: {
          head: 'whitespace-nowrap',
          cell: 'col-start-3 row-start-1 justify-self-end md:whitespace-nowrap md:px-3 md:py-3',
        },
      },
    }),
    column.accessor('priority', {
      header: 'Priority',
      cell: ({ row }) => <PriorityLabel priority={row.original.priority} />,
      meta: { layout: { cell: 'hidden md:table-cell md:whitespace-nowrap md:px-3 md:py-3' } },
    }),
    column.accessor((row) => row.assignee?.name ?? null, {
      id: 'assignee',
      header: 'Assignee',
      cell: ({ getValue }) => {
        const name = getValue();
        return name ? (
          <span className="block truncate md:max-w-32" title={name}>
            {name}
          </span>
        ) : (
          <span className="text-slate-400">Unassigned</span>
        );
      },
      meta: {
        layout: {
          head: 'hidden min-[1400px]:table-cell',
          cell: 'hidden text-slate-700 md:px-3 md:py-3 min-[1400px]:table-cell',
        },
      },
    }),
    column.display({
      id: 'phoneSla',
      // On phones the countdown gets its own line under the requester; rows without one skip it.
      cell: ({ row }) =>
        row.original.sla ? (
          <SlaBadge metric={row.original.sla.metric} state={row.original.sla.state} dueAt={row.original.sla.dueAt} />
        ) : null,
      meta: {
        layout: { cell: 'col-span-2 col-start-2 row-start-4 justify-self-start empty:hidden md:hidden' },
      },
    }),
    column.accessor('updatedAt', {
      header: 'Updated',
      cell: ({ row }) => <RelativeTime date={row.original.updatedAt} />,
      meta: {
        layout: {
          cell: 'col-start-3 row-start-3 justify-self-end whitespace-nowrap text-xs text-slate-500 md:px-3 md:py-3 md:text-sm',
        },
      },
    }),
  ] as ColumnDef<TicketRow, unknown>[];
}

/**
 * The ticket list (TanStack Table): a table on wide screens; on phones each row folds into a
 * card (the header row hides and cells stack). Rows carry data-row-index so list shortcuts (j/k/x/Enter)
 * can find them.
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
  const table = useReactTable({
    data: rows,
    columns: columns({ selected, onToggle }, (all) => (
      <RowCheckbox
        label="Select all loaded tickets"
        checked={all.length > 0 && selectedHere === all.length}
        indeterminate={selectedHere > 0 && selectedHere < all.length}
        onChange={onToggleAll}
      />
    )),
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => row.id,
  });
  const visibleHeaders = table.getFlatHeaders().filter((h) => h.column.id !== 'phoneSla');

  return (
    <div className="rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="hidden bg-slate-50 text-xs uppercase tracking-wide text-slate-500 md:table-header-group">
          <tr>
            <HeaderCells
              headers={visibleHeaders}
              className={(header) => cn('px-3 py-2', header.column.columnDef.meta?.layout.head)}
            />
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {table.getRowModel().rows.map((row, index) => (
            <tr
              key={row.id}
              data-row-index={index}
              data-ticket-id={row.id}
              className={cn(
                'grid grid-cols-[auto_1fr_auto] items-center gap-x-3 gap-y-1 px-3 py-3 focus-within:bg-slate-50 md:table-row md:p-0',
                selected.has(row.id) && 'bg-sky-50',
              )}
            >
              <RowCells row={row} className={(cell) => cell.column.columnDef.meta?.layout.cell} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

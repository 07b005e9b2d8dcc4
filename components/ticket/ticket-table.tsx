'use client';

import { createColumnHelper, flexRender, getCoreRowModel, useReactTable, type ColumnDef } from '@tanstack/react-table';
import Link from 'next/link';
import { SlaBadge } from '@/components/sla/sla-badge';
import { cn } from '@/lib/utils/cn';
import { PriorityLabel, StatusBadge } from './ticket-badges';
import { RelativeTime } from './relative-time';
import { RowCheckbox } from './row-checkbox';
import { ticketPath } from './ticket-search';
import type { TicketRow } from './types';

/**
 * How a column lays out. `width`: its share of a fixed-layout table, so the table fits 1280 px and 1440 px
 * without a horizontal page scroll (long text truncates, with its full value as a tooltip). `cell`: the
 * cell's classes, phone first: on phones the header row hides and each row is a three-column card grid.
 */
type ColumnLayout = { width?: string; header?: string; cell: string };
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
      meta: { layout: { width: '2.5rem', cell: 'row-span-3 self-start md:px-3 md:py-3' } },
    }),
    column.accessor('displayNumber', {
      header: 'Number',
      cell: (info) => info.getValue(),
      meta: {
        layout: {
          width: '6.5rem',
          cell: 'col-start-2 font-mono text-xs text-slate-500 md:whitespace-nowrap md:px-3 md:py-3',
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
          {row.original.tags.length ? (
            <span className="mt-0.5 block truncate text-xs text-slate-500">
              <span className="sr-only">Tags: </span>
              {row.original.tags.map((t) => `#${t}`).join(' ')}
            </span>
          ) : null}
        </>
      ),
      meta: { layout: { cell: 'col-span-2 col-start-2 min-w-0 md:px-3 md:py-3' } },
    }),
    column.accessor((row) => row.requester.name || row.requester.email, {
      id: 'requester',
      header: 'Requester',
      cell: ({ row, getValue }) => (
        <span className="block truncate" title={row.original.requester.email}>
          <span className="sr-only md:hidden">Requester: </span>
          {getValue()}
        </span>
      ),
      meta: { layout: { width: '11rem', cell: 'col-start-2 min-w-0 text-slate-700 md:px-3 md:py-3' } },
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
        </>
      ),
      meta: { layout: { width: '9.5rem', cell: 'col-start-3 row-start-1 justify-self-end md:px-3 md:py-3' } },
    }),
    column.accessor('priority', {
      header: 'Priority',
      cell: ({ row }) => <PriorityLabel priority={row.original.priority} />,
      meta: { layout: { width: '6rem', cell: 'hidden md:table-cell md:px-3 md:py-3' } },
    }),
    column.accessor((row) => row.assignee?.name ?? null, {
      id: 'assignee',
      header: 'Assignee',
      cell: ({ getValue }) => {
        const name = getValue();
        return name ? (
          <span className="block truncate" title={name}>
            {name}
          </span>
        ) : (
          <span className="text-slate-400">Unassigned</span>
        );
      },
      meta: { layout: { width: '9rem', cell: 'hidden min-w-0 text-slate-700 md:table-cell md:px-3 md:py-3' } },
    }),
    column.display({
      id: 'phoneSla',
      // On phones the countdown gets its own line under the requester; rows without one skip it.
      cell: ({ row }) =>
        row.original.sla ? (
          <SlaBadge metric={row.original.sla.metric} state={row.original.sla.state} dueAt={row.original.sla.dueAt} />
        ) : null,
      meta: {
        layout: { width: '0', cell: 'col-span-2 col-start-2 row-start-4 justify-self-start empty:hidden md:hidden' },
      },
    }),
    column.accessor('updatedAt', {
      header: 'Updated',
      cell: ({ row }) => <RelativeTime date={row.original.updatedAt} />,
      meta: {
        layout: {
          width: '7rem',
          cell: 'col-start-3 row-start-3 justify-self-end whitespace-nowrap text-xs text-slate-500 md:px-3 md:py-3 md:text-sm',
        },
      },
    }),
  ] as ColumnDef<TicketRow, unknown>[];
}

/**
 * The ticket list (TanStack Table): a fixed-layout table on wide screens; on phones each row folds into a
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
      <table className="w-full text-left text-sm md:table-fixed">
        <caption className="sr-only">{caption}</caption>
        <colgroup className="hidden md:table-column-group">
          {visibleHeaders.map((header) => (
            <col key={header.id} style={{ width: header.column.columnDef.meta?.layout.width }} />
          ))}
        </colgroup>
        <thead className="hidden bg-slate-50 text-xs uppercase tracking-wide text-slate-500 md:table-header-group">
          <tr>
            {visibleHeaders.map((header) => (
              <th key={header.id} scope="col" className="px-3 py-2 font-medium">
                {flexRender(header.column.columnDef.header, header.getContext())}
              </th>
            ))}
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
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id} className={cell.column.columnDef.meta?.layout.cell}>
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

'use client';

import { getCoreRowModel, useReactTable, type ColumnDef } from '@tanstack/react-table';
import { HeaderCells, RowCells } from './table-parts';

/**
 * A plain list table on TanStack Table for the admin pages. It scrolls sideways on a phone rather than
 * squeezing columns; the first column should name the row so it stays readable.
 */
export function DataTable<T>({
  data,
  columns,
  caption,
  rowId,
}: {
  data: T[];
  // TanStack's column values are heterogeneous by design; `any` is its documented type here.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  columns: ColumnDef<T, any>[];
  caption: string;
  rowId: (row: T) => string;
}) {
  const table = useReactTable({ data, columns, getCoreRowModel: getCoreRowModel(), getRowId: rowId });
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full min-w-[36rem] text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              <HeaderCells headers={group.headers} className={() => 'px-4 py-2'} />
            </tr>
          ))}
        </thead>
        <tbody className="divide-y divide-slate-100">
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} className="align-middle">
              <RowCells row={row} className={() => 'px-4 py-2'} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

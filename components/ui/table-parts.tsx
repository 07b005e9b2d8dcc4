import { flexRender, type Cell, type Header, type Row } from '@tanstack/react-table';
import { cn } from '@/lib/utils/cn';

/**
 * The pieces every table here repeats: column headings scoped for screen readers, and a TanStack row's
 * cells rendered through their column definitions. Tables keep their own layout; these keep the wiring.
 */

/** Headings from plain column names, for tables built by hand. */
export function HeadingRow({
  columns,
  className,
  cellClassName,
}: {
  columns: readonly string[];
  className?: string;
  cellClassName: string;
}) {
  return (
    <tr className={className}>
      {columns.map((column) => (
        <th key={column} scope="col" className={cn('font-medium', cellClassName)}>
          {column}
        </th>
      ))}
    </tr>
  );
}

/** Headings from TanStack headers; `className` may add per-column layout. */
export function HeaderCells<T>({
  headers,
  className,
}: {
  headers: Header<T, unknown>[];
  className: (header: Header<T, unknown>) => string | undefined;
}) {
  return headers.map((header) => (
    <th key={header.id} scope="col" className={cn('font-medium', className(header))}>
      {flexRender(header.column.columnDef.header, header.getContext())}
    </th>
  ));
}

/** One TanStack row's visible cells; `className` may add per-column layout. */
export function RowCells<T>({
  row,
  className,
}: {
  row: Row<T>;
  className: (cell: Cell<T, unknown>) => string | undefined;
}) {
  return row.getVisibleCells().map((cell) => (
    <td key={cell.id} className={className(cell)}>
      {flexRender(cell.column.columnDef.cell, cell.getContext())}
    </td>
  ));
}

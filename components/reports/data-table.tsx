'use client';

import Link from 'next/link';
import { Download } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { HeadingRow } from '@/components/ui/table-parts';
import { toCsv } from '@/lib/utils/csv';

/** A cell: a plain value, or a value that links to the tickets it counts. */
export type ReportCell = string | number | null | { value: string | number | null; href: string };

const plain = (c: ReportCell) => (c !== null && typeof c === 'object' ? c.value : c);

function download(filename: string, csv: string) {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  URL.revokeObjectURL(url);
}

/**
 * The numbers behind a chart (or a table on its own): a real table for screen readers and keyboard use, every
 * linked number opening its ticket list, and a CSV of exactly what is shown.
 */
export function DataTable({
  caption,
  columns,
  rows,
  filename,
  hidden = false,
}: {
  caption: string;
  columns: readonly string[];
  rows: ReadonlyArray<ReadonlyArray<ReportCell>>;
  filename: string;
  /** Folded under a "Show data" toggle, for tables that repeat a chart. */
  hidden?: boolean;
}) {
  const table = (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <HeadingRow
            columns={columns}
            className="border-b border-slate-200 text-slate-600"
            cellClassName="px-2 py-1.5"
          />
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="px-2 py-3 text-slate-500">
                Nothing in this range.
              </td>
            </tr>
          ) : (
            rows.map((row, i) => (
              <tr key={i} className="border-b border-slate-100 last:border-0">
                {row.map((cell, j) => (
                  <td key={j} className="px-2 py-1.5 tabular-nums">
                    {cell !== null && typeof cell === 'object' ? (
                      <Link className="text-indigo-700 underline-offset-2 hover:underline" href={cell.href}>
                        {cell.value ?? '—'}
                      </Link>
                    ) : (
                      (cell ?? '—')
                    )}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
  const exportButton = (
    <Button
      variant="secondary"
      size="sm"
      onClick={() =>
        download(
          filename,
          toCsv(
            columns,
            rows.map((r) => r.map(plain)),
          ),
        )
      }
      aria-label={`Export ${caption} as CSV`}
    >
      <Download className="mr-1 h-4 w-4" aria-hidden="true" /> CSV
    </Button>
  );
  if (hidden)
    return (
      <details className="mt-3">
        <summary className="cursor-pointer text-sm text-slate-600">Show data</summary>
        <div className="mt-2 space-y-2">
          {table}
          {exportButton}
        </div>
      </details>
    );
  return (
    <div className="space-y-2">
      {table}
      <div>{exportButton}</div>
    </div>
  );
}

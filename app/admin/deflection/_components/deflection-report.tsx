'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card, EmptyState } from '@/components/ui/card';
import { ErrorAlert } from '@/components/ui/error-alert';
import { SkeletonList } from '@/components/ui/skeleton';
import { useTRPC } from '@/lib/trpc/client';

const RANGES = [7, 30, 90] as const;
type Figure = { sessions: number; deflected: number; rate: number | null };

const percent = (rate: number | null) => (rate === null ? '–' : `${Math.round(rate * 100)}%`);

/** Whole UTC days ending tomorrow, so today's sessions whose 30 minutes have passed are included. */
function rangeOf(days: number) {
  const to = new Date();
  to.setUTCHours(0, 0, 0, 0);
  to.setUTCDate(to.getUTCDate() + 1);
  return { from: new Date(to.getTime() - days * 86_400_000), to };
}

function FigureTable({
  caption,
  label,
  rows,
}: {
  caption: string;
  label: string;
  rows: Array<Figure & { key: string }>;
}) {
  return (
    <Card className="overflow-x-auto p-0">
      <table className="w-full text-sm">
        <caption className="px-4 pt-3 text-left font-semibold text-slate-900">{caption}</caption>
        <thead className="text-left text-xs text-slate-500">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">
              {label}
            </th>
            <th scope="col" className="px-4 py-2 text-right font-medium">
              Sessions with an article read
            </th>
            <th scope="col" className="px-4 py-2 text-right font-medium">
              Deflected
            </th>
            <th scope="col" className="px-4 py-2 text-right font-medium">
              Rate
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.key}>
              <td className="max-w-xs truncate px-4 py-2 font-mono text-xs text-slate-800" title={row.key}>
                {row.key}
              </td>
              <td className="px-4 py-2 text-right tabular-nums">{row.sessions}</td>
              <td className="px-4 py-2 text-right tabular-nums">{row.deflected}</td>
              <td className="px-4 py-2 text-right font-semibold tabular-nums">{percent(row.rate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}

/** The deflection rate over the chosen days: overall, by day, and by the page where the first article was read. */
export function DeflectionReport() {
  const trpc = useTRPC();
  const [days, setDays] = useState<(typeof RANGES)[number]>(30);
  const [range] = useState(() => new Map(RANGES.map((d) => [d, rangeOf(d)])));
  const report = useQuery(trpc.support.deflection.queryOptions(range.get(days)!));

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap gap-2" role="group" aria-label="Period">
        {RANGES.map((d) => (
          <Button
            key={d}
            size="sm"
            variant={d === days ? 'primary' : 'secondary'}
            aria-pressed={d === days}
            onClick={() => setDays(d)}
          >
            Last {d} days
          </Button>
        ))}
      </div>
      {report.isPending ? (
        <SkeletonList rows={3} label="Loading the deflection report" />
      ) : report.isError ? (
        <ErrorAlert error={report.error} onRetry={() => report.refetch()} />
      ) : report.data.total.sessions === 0 ? (
        <EmptyState
          title="No article reads yet"
          description={`Once visitors read help-center articles, this page shows how many of them did not need to file a request within ${report.data.windowMinutes} minutes.`}
        />
      ) : (
        <>
          <Card className="flex flex-wrap items-baseline gap-x-6 gap-y-1">
            <p className="text-3xl font-bold tabular-nums" data-testid="deflection-rate">
              {percent(report.data.total.rate)}
            </p>
            <p className="text-sm text-slate-600">
              {report.data.total.deflected} of {report.data.total.sessions} sessions that read an article filed no
              request within {report.data.windowMinutes} minutes.
            </p>
          </Card>
          <div className="grid gap-4 lg:grid-cols-2">
            <FigureTable
              caption="By day (UTC)"
              label="Day"
              rows={report.data.byDay.map((row) => ({ ...row, key: row.day }))}
            />
            <FigureTable
              caption="By page of the first article read"
              label="Page"
              rows={report.data.byPage.map((row) => ({ ...row, key: row.pagePath }))}
            />
          </div>
        </>
      )}
    </div>
  );
}

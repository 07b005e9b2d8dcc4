import type { Metadata } from 'next';
import { PageHeader } from '@/components/layout/page-header';
import { ReportTickets } from '@/components/reports/report-tickets';
import { DRILL_LABELS } from '@/lib/reports/drill-labels';
import { Alert } from '@/components/ui/card';
import { activeFilters, filtersFromParams } from '@/lib/reports/report-filters';
import { reportTicketsInput } from '@/lib/validators/reports';

export const metadata: Metadata = { title: 'Report tickets' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The drill-down list: the query string names the metric, the range and any filters (one per dimension). */
export default async function ReportTicketsPage({ searchParams }: Props) {
  const params = await searchParams;
  const one = (k: string) => (typeof params[k] === 'string' ? params[k] : undefined);
  const parsed = reportTicketsInput.safeParse({
    metric: one('metric'),
    from: one('from'),
    to: one('to'),
    filters: {
      // Links made before filters combined named one as `dimension=…&value=…`; they keep working.
      ...(one('dimension') && one('value') ? { [one('dimension')!]: one('value') } : {}),
      ...filtersFromParams(one),
    },
  });
  if (!parsed.success)
    return (
      <>
        <PageHeader title="Report tickets" />
        <Alert>
          This link does not name a dashboard number: {parsed.error.issues[0]?.message}. Open it from the dashboard.
        </Alert>
      </>
    );
  const { metric, from, to, filters } = parsed.data;
  const named = activeFilters(filters).map(([dimension, value]) => `, ${dimension}: ${value}`);
  return (
    <>
      <PageHeader title={`${DRILL_LABELS[metric]} tickets`} description={`${from} to ${to}${named.join('')}`} />
      <ReportTickets input={parsed.data} />
    </>
  );
}

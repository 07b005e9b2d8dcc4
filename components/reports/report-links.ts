import type { ReportDrillMetric } from '@/lib/validators/reports';
import type { ReportFilterDimension } from '@/lib/reports/rollup-measures';

export type ReportQuery = {
  from: string;
  to: string;
  filter?: { dimension: ReportFilterDimension; value: string } | null;
};

/** The drill-down list for a number: same range, same filter (or a narrower one), the metric it counts. */
export function ticketsHref(
  q: ReportQuery,
  metric: ReportDrillMetric,
  filter?: { dimension: ReportFilterDimension; value: string } | null,
) {
  const f = filter ?? q.filter;
  const params = new URLSearchParams({ metric, from: q.from, to: q.to });
  if (f) {
    params.set('dimension', f.dimension);
    params.set('value', f.value);
  }
  return `/agent/reports/tickets?${params.toString()}`;
}

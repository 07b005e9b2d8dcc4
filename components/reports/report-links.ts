import type { ReportDrillMetric } from '@/lib/validators/reports';
import { setFilterParams, type ReportFilters } from '@/lib/reports/report-filters';

export type ReportQuery = { from: string; to: string; filters?: ReportFilters };

/**
 * The drill-down list for a number: same range, the metric it counts, and the dashboard's filters, or the
 * given ones instead (the breakdowns and the agents table count the whole workspace, so their rows link to
 * their own value alone).
 */
export function ticketsHref(q: ReportQuery, metric: ReportDrillMetric, filters?: ReportFilters) {
  const params = new URLSearchParams({ metric, from: q.from, to: q.to });
  setFilterParams(params, filters ?? q.filters);
  return `/agent/reports/tickets?${params.toString()}`;
}

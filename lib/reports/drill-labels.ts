import type { ReportDrillMetric } from '@/lib/validators/reports';

/** What a drill-down list holds, as its heading says it (shared by the server page and the client list). */
export const DRILL_LABELS: Record<ReportDrillMetric, string> = {
  created: 'Created',
  solved: 'Solved',
  reopened: 'Reopened',
  responded: 'First responded',
  one_touch: 'Solved with one reply',
  rated: 'Rated',
  sla_breached: 'With an SLA breach',
};

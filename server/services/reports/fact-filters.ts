import { sql, type SQL } from 'drizzle-orm';
import { activeFilters, type ReportFilters } from '@/lib/reports/report-filters';
import type { ReportFilterDimension } from '@/lib/reports/rollup-measures';

/**
 * How each dimension reads on a fact row `f`: the same values the rollups are kept under (ids as text, the
 * channel and priority names, each tag once), so a fact matches a filter exactly when its ticket counts in
 * that filter's rollup rows.
 */
const MATCH: Record<ReportFilterDimension, (value: string) => SQL> = {
  team: (v) => sql`f.team_id::text = ${v}`,
  agent: (v) => sql`f.agent_id::text = ${v}`,
  category: (v) => sql`f.category_id::text = ${v}`,
  channel: (v) => sql`f.channel = ${v}`,
  priority: (v) => sql`f.priority = ${v}`,
  tag: (v) => sql`${v} = any(f.tags)`,
};

/** `and …` for every filter that is set (all must hold), or nothing. */
export function factFilters(filters: ReportFilters | undefined): SQL {
  const parts = activeFilters(filters).map(([dimension, value]) => sql` and ${MATCH[dimension](value)}`);
  return sql.join(parts, sql``);
}

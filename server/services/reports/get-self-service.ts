import { sql } from 'drizzle-orm';
import { addDays } from '@/lib/reports/local-time';
import type { ReportRangeInput } from '@/lib/validators/reports';
import type { TenantScope } from '@/server/db/tenant';
import { deflectionReport } from '@/server/services/support/deflection-report';
import { workspaceTimeZone } from './workspace-time-zone';

/**
 * The help center's side of the dashboard: most viewed articles (all-time counters: the help center keeps
 * no per-day views), searches in the range that found nothing (what to write next), and how many searches
 * there were, and the deflection rate of the widget, portal and help-center sessions whose first article view
 * falls in the range (server/services/support/deflection-report.ts, the figure Admin → Deflection shows).
 */
export async function getSelfService(scope: TenantScope, input: Pick<ReportRangeInput, 'from' | 'to'>) {
  const timeZone = await workspaceTimeZone(scope);
  // The range's local midnights as instants: help_searches is stamped in UTC.
  const start = sql`(${input.from}::date)::timestamp at time zone ${timeZone}`;
  const end = sql`(${addDays(input.to, 1)}::date)::timestamp at time zone ${timeZone}`;
  const articles = await scope.db.execute<{ id: string; title: string; views: number }>(sql`
    select id, title, view_count as views from articles
    where tenant_id = ${scope.tenantId} and status = 'published' and view_count > 0
    order by view_count desc, title limit 10`);
  const [totals] = (
    await scope.db.execute<{ views: number; searches: number; empty: number }>(sql`
      select (select coalesce(sum(view_count), 0)::int from articles where tenant_id = ${scope.tenantId}) as views,
        count(*)::int as searches, count(*) filter (where result_count = 0)::int as empty
      from help_searches where tenant_id = ${scope.tenantId} and created_at >= ${start} and created_at < ${end}`)
  ).rows;
  const noResult = await scope.db.execute<{ term: string; count: number }>(sql`
    select lower(term) as term, count(*)::int as count from help_searches
    where tenant_id = ${scope.tenantId} and result_count = 0 and created_at >= ${start} and created_at < ${end}
    group by 1 order by 2 desc, 1 limit 20`);
  const [bounds] = (
    await scope.db.execute<{ start: string | Date; end: string | Date }>(sql`select ${start} as start, ${end} as end`)
  ).rows;
  const deflection = await deflectionReport(scope, { from: new Date(bounds!.start), to: new Date(bounds!.end) });
  return {
    articleViews: Number(totals?.views ?? 0),
    topArticles: articles.rows.map((a) => ({ ...a, views: Number(a.views) })),
    searches: Number(totals?.searches ?? 0),
    searchesWithoutResult: Number(totals?.empty ?? 0),
    noResultTerms: noResult.rows.map((r) => ({ term: r.term, count: Number(r.count) })),
    // null: no session has finished its window in the range yet; the page says "not measured".
    deflectionRate: deflection.total.rate,
    deflectionSessions: deflection.total.sessions,
  };
}

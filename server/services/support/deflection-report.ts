import { sql } from 'drizzle-orm';
import { DEFLECTION_WINDOW_MINUTES } from '@/lib/constants/support';
import type { TenantScope } from '@/server/db/tenant';

type Row = { day: string; page_path: string; sessions: number; deflected: number };
export type DeflectionFigure = { sessions: number; deflected: number; rate: number | null };

const figure = (sessions: number, deflected: number): DeflectionFigure => ({
  sessions,
  deflected,
  rate: sessions ? deflected / sessions : null,
});

/**
 * Deflection between `from` and `to`: of the support sessions whose first article view falls in the range,
 * how many filed no request within DEFLECTION_WINDOW_MINUTES of it. A session still inside its window at
 * `now` is left out (it may yet file), so a figure never changes its mind. Days are UTC days of that first
 * view; the page is the one where it happened.
 */
export async function deflectionReport(scope: TenantScope, input: { from: Date; to: Date; now?: Date }) {
  const now = input.now ?? new Date();
  const window = sql`make_interval(mins => ${DEFLECTION_WINDOW_MINUTES})`;
  const result = await scope.db.execute<Row>(sql`
    with first_view as (
      select distinct on (v.session_id) v.session_id, v.occurred_at, v.page_path
      from support_activity v
      where v.tenant_id = ${scope.tenantId} and v.kind = 'article_viewed'
        and v.occurred_at >= ${input.from} and v.occurred_at < ${input.to}
      order by v.session_id, v.occurred_at
    )
    select to_char(f.occurred_at at time zone 'UTC', 'YYYY-MM-DD') as day, f.page_path,
      count(*)::int as sessions,
      count(*) filter (where not exists (
        select 1 from support_activity r
        where r.tenant_id = ${scope.tenantId} and r.session_id = f.session_id and r.kind = 'request_filed'
          and r.occurred_at >= f.occurred_at and r.occurred_at < f.occurred_at + ${window}
      ))::int as deflected
    from first_view f
    where f.occurred_at + ${window} <= ${now}
    group by 1, 2
  `);
  const byDay = new Map<string, { sessions: number; deflected: number }>();
  const byPage = new Map<string, { sessions: number; deflected: number }>();
  let sessions = 0;
  let deflected = 0;
  for (const row of result.rows) {
    for (const [map, key] of [
      [byDay, row.day],
      [byPage, row.page_path],
    ] as const) {
      const entry = map.get(key) ?? { sessions: 0, deflected: 0 };
      entry.sessions += row.sessions;
      entry.deflected += row.deflected;
      map.set(key, entry);
    }
    sessions += row.sessions;
    deflected += row.deflected;
  }
  return {
    windowMinutes: DEFLECTION_WINDOW_MINUTES,
    total: figure(sessions, deflected),
    byDay: [...byDay]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([day, f]) => ({ day, ...figure(f.sessions, f.deflected) })),
    byPage: [...byPage]
      .sort(([, a], [, b]) => b.sessions - a.sessions)
      .slice(0, 50)
      .map(([pagePath, f]) => ({ pagePath, ...figure(f.sessions, f.deflected) })),
  };
}

/** Searches that found nothing, per UTC day and term, for the analytics report (from help_searches). */
export async function unansweredSearches(scope: TenantScope, input: { from: Date; to: Date }) {
  const result = await scope.db.execute<{ day: string; term: string; searches: number }>(sql`
    select to_char(s.created_at at time zone 'UTC', 'YYYY-MM-DD') as day, s.term, count(*)::int as searches
    from help_searches s
    where s.tenant_id = ${scope.tenantId} and s.result_count = 0
      and s.created_at >= ${input.from} and s.created_at < ${input.to}
    group by 1, 2 order by 1, 3 desc, 2 limit 500
  `);
  return result.rows;
}

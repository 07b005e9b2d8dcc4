import { inArray, sql } from 'drizzle-orm';
import { addDays, localParts } from '@/lib/reports/local-time';
import { env } from '@/lib/env';
import { weeklySummaryEmail } from '@/emails/weekly-summary';
import { users } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { workspaceSender } from '@/server/services/notification/sender';
import { addManyToOutbox } from '@/server/services/outbox/add-to-outbox';
import { getDigestSettings } from './digest-settings';
import { getDashboard, type DashboardSummary } from './get-dashboard';
import { workspaceTimeZone } from './workspace-time-zone';

const pct = (r: number | null) => (r === null ? '—' : `${Math.round(r * 1000) / 10}%`);
const mins = (m: number | null) => (m === null ? '—' : m < 60 ? `${m} min` : `${Math.round((m / 60) * 10) / 10} h`);
const num = (n: number | null) => (n === null ? '—' : String(Math.round(n * 100) / 100));

const LINES: ReadonlyArray<[string, (s: DashboardSummary) => string]> = [
  ['Created', (s) => String(s.created)],
  ['Solved', (s) => String(s.solved)],
  ['Backlog at the end', (s) => String(s.backlog)],
  ['First response (median)', (s) => mins(s.firstResponse.calendar.median)],
  ['Resolution (median)', (s) => mins(s.resolution.calendar.median)],
  ['SLA compliance', (s) => pct(s.slaCompliance)],
  ['CSAT (average of 5)', (s) => num(s.csatAverage)],
];

/**
 * Queues last week's summary (Monday to Sunday in the workspace's zone) to the chosen members, once per
 * week: the week is recorded in the workspace's settings in the same transaction as the outbox rows, so a
 * job run twice, or every hour, queues it once. Returns how many mails were queued.
 */
export async function queueWeeklyDigest(scope: TenantScope, now = new Date()) {
  const { userIds } = await getDigestSettings(scope);
  if (!userIds.length) return 0;
  const timeZone = await workspaceTimeZone(scope);
  const today = localParts(now, timeZone);
  const thisMonday = addDays(today.day, -((today.weekday + 6) % 7));
  const week = { from: addDays(thisMonday, -7), to: addDays(thisMonday, -1) };
  // Claims the week: only the run that moves the marker queues the mails.
  const { rows } = await scope.db.execute(sql`
    update tenants set settings = jsonb_set(settings, '{reports}',
      coalesce(settings -> 'reports', '{}'::jsonb) || jsonb_build_object('lastDigestWeek', ${week.from}::text))
    where id = ${scope.tenantId} and coalesce(settings -> 'reports' ->> 'lastDigestWeek', '') < ${week.from}
    returning id`);
  if (!rows.length) return 0;
  const dashboard = await getDashboard(scope, week, now);
  const people = await scope.db.select({ email: users.email }).from(users).where(inArray(users.id, userIds));
  const sender = await workspaceSender(scope);
  const rendered = await weeklySummaryEmail({
    brand: sender.brand,
    ...week,
    lines: LINES.map(([label, show]) => ({
      label,
      value: show(dashboard.current),
      previous: show(dashboard.previous),
    })),
    url: `${env.APP_URL}/agent/reports`,
  });
  await addManyToOutbox(
    scope,
    'email',
    people.map((p) => ({
      payload: { to: p.email, ...rendered, from: sender.from, headers: { 'Auto-Submitted': 'auto-generated' } },
    })),
  );
  return people.length;
}

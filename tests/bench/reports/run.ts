import '../outside-next';
import crypto from 'node:crypto';
import pg from 'pg';
import { loadDotEnv } from '../../../scripts/load-env';
import { addDays } from '@/lib/reports/local-time';
import type { Profile } from '../options';
import { loadAverage, machineInfo, writeResults } from '../report';
import { seedBench } from '../seed';
import { summarize, timed, type Summary } from '../stats';

// `npm run bench:reports [-- --quick] [--reuse]`: the dashboard issue's figures, server side, on real Postgres.
// Seeds one workspace the size of the full bench's largest (250,000 tickets over 180 days; 20,000 with --quick)
// with the main bench's seeder, builds its rollups with the rebuild command's code (timed, informational), then
// times the dashboard's full load for the last 90 days (calendar + dashboard + self-service, as the page calls
// them), unfiltered, with one filter, with two (the pair rollups) and, as information, three (summed from the
// ticket facts), and the first page of the drill-down lists. --reuse times the last run's database again,
// without seeding.
// Prints each p95 beside its target; never fails on a slow figure.

const quick = process.argv.includes('--quick');
const reuse = process.argv.includes('--reuse');
const TICKETS = quick ? 20_000 : 250_000;
const ITERATIONS = quick ? 40 : 200;
const WARMUP = quick ? 5 : 20;
const DASHBOARD_TARGET_MS = 150;
const DRILL_TARGET_MS = 50;
const log = (message: string) => console.log(`[bench:reports] ${message}`);

function withDatabase(url: string, database: string) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** A database of its own (`<DATABASE_URL's name>_reports`), so checkouts sharing a server keep theirs. */
const databaseName = (serverUrl: string) =>
  `${new URL(serverUrl).pathname.slice(1) || 'cairn_bench'}_reports${quick ? '_quick' : ''}`
    .replace(/[^a-z0-9_]/gi, '_')
    .slice(0, 63);

async function freshDatabase(serverUrl: string) {
  const name = databaseName(serverUrl);
  const admin = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  return withDatabase(serverUrl, name);
}

async function seed(ownerUrl: string, profile: Profile) {
  log(`seeding ${TICKETS.toLocaleString('en')} tickets…`);
  const seeded = await seedBench(ownerUrl, profile, 'postgres');
  log(`seeded in ${seeded.seconds.toFixed(1)}s`);
  return seeded.workspaces[0]!;
}

/** The largest workspace of a database an earlier run seeded (the seeder's own record of it). */
async function seededWorkspace(ownerUrl: string) {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ tenantId: string; agentUserId: string }>(
      `select tenant_id as "tenantId", agent_user_id as "agentUserId" from bench.workspaces order by rank limit 1`,
    );
    if (!rows[0]) throw new Error('Nothing to reuse: run `npm run bench:reports` once without --reuse.');
    log(`reusing the seeded database and its rollups (${ownerUrl})`);
    return rows[0];
  } finally {
    await client.end();
  }
}

async function main() {
  loadDotEnv();
  const serverUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  // --reuse: the last run's database as it is (seeded, rollups built), to time the reads again in minutes.
  const ownerUrl = reuse ? withDatabase(serverUrl, databaseName(serverUrl)) : await freshDatabase(serverUrl);
  process.env.DATABASE_URL = ownerUrl;
  delete process.env.DATABASE_APP_URL;
  process.env.AUTH_SECRET = crypto.randomBytes(32).toString('base64url');
  const { runMigrations } = await import('../../../server/db/migrate');
  await runMigrations(ownerUrl);

  // Two workspaces: the measured one and a small neighbour, as the seeder's size curve needs a second.
  const profile = {
    name: quick ? 'quick' : 'full',
    workspaces: 2,
    largestTickets: TICKETS,
    totalTickets: TICKETS + 500,
  };
  const workspace = reuse ? await seededWorkspace(ownerUrl) : await seed(ownerUrl, profile as Profile);

  const { runInTenant } = await import('../../../server/db/tenant');
  const { closeDb } = await import('../../../server/db/client');
  const { rebuildWorkspaceRollups } = await import('../../../server/services/reports/rebuild-workspace-rollups');
  const { reportCalendar } = await import('../../../server/services/reports/report-calendar');
  const { getDashboard } = await import('../../../server/services/reports/get-dashboard');
  const { getSelfService } = await import('../../../server/services/reports/get-self-service');
  const { listReportTickets } = await import('../../../server/services/reports/list-report-tickets');

  const rebuild = reuse
    ? null
    : await timed(() => runInTenant(workspace.tenantId, (scope) => rebuildWorkspaceRollups(scope)));
  if (rebuild)
    log(
      `rollups rebuilt from ${rebuild.result.tickets.toLocaleString('en')} tickets in ${(rebuild.ms / 1000).toFixed(1)}s`,
    );
  const owner = new pg.Client({ connectionString: ownerUrl });
  await owner.connect();
  // What autovacuum does soon after a bulk write like the rebuild: statistics, and the visibility map the
  // dashboard's index-only scans rely on.
  await owner.query('vacuum analyze analytics_rollups, analytics_ticket_facts');
  await owner.query('analyze');
  const { rows } = await owner.query(`select count(*)::int as n from analytics_rollups where tenant_id = $1`, [
    workspace.tenantId,
  ]);
  // The two-filter row: email (the seed's most common channel) and the team with most email tickets, the heaviest pair.
  const {
    rows: [busiest],
  } = await owner.query<{ teamId: string; tickets: number }>(
    `select team_id as "teamId", count(*)::int as tickets from analytics_ticket_facts
     where tenant_id = $1 and team_id is not null and channel = 'email' group by 1 order by 2 desc limit 1`,
    [workspace.tenantId],
  );
  await owner.end();
  if (!busiest) throw new Error('The seed gave no team an email ticket: the two-filter row has nothing to read.');
  const twoFilters = { team: busiest.teamId, channel: 'email' };
  log(`rollup rows: ${rows[0].n.toLocaleString('en')}`);
  log(`two-filter row: the busiest team with email, ${busiest.tickets.toLocaleString('en')} tickets`);

  const today = await runInTenant(workspace.tenantId, (scope) => reportCalendar(scope));
  const range = { from: addDays(today.today, -89), to: today.today };
  const inWorkspace = <T>(work: Parameters<typeof runInTenant<T>>[1]) => runInTenant(workspace.tenantId, work);

  /** A figure and its verdict; a `null` target prints the figure as information, never as ✓. */
  async function measure(label: string, target: number | null, work: () => Promise<unknown>) {
    for (let i = 0; i < WARMUP; i++) await work();
    const samples: number[] = [];
    for (let i = 0; i < ITERATIONS; i++) samples.push((await timed(work)).ms);
    const s = summarize(samples);
    const ok = target === null ? null : s.p95 <= target;
    const verdict = target === null ? 'no target (information)' : `target ≤ ${target} ms ${ok ? '✓' : '✗'}`;
    log(`  ${label.padEnd(58)} p50 ${s.p50.toFixed(1)} p95 ${s.p95.toFixed(1)} ms · ${verdict}`);
    return { label, target, ok, ...s } satisfies Summary & { label: string; target: number | null; ok: boolean | null };
  }

  const figures = [
    await measure('dashboard full load, last 90 days (calendar + dashboard + self-service)', DASHBOARD_TARGET_MS, () =>
      inWorkspace(async (scope) => {
        await reportCalendar(scope);
        const d = await getDashboard(scope, range);
        if (d.current.created === 0) throw new Error('The dashboard counted no tickets: the rollups are empty.');
        await getSelfService(scope, range);
      }),
    ),
    await measure('dashboard filtered by one agent, last 90 days', DASHBOARD_TARGET_MS, () =>
      inWorkspace((scope) => getDashboard(scope, { ...range, filters: { agent: workspace.agentUserId } })),
    ),
    await measure('dashboard full load, 90 days, two filters (team + channel: pair rollups)', DASHBOARD_TARGET_MS, () =>
      inWorkspace(async (scope) => {
        await reportCalendar(scope);
        const d = await getDashboard(scope, { ...range, filters: twoFilters });
        if (d.current.created === 0) throw new Error('The two-filter dashboard counted no tickets.');
        await getSelfService(scope, range);
      }),
    ),
    // Three filters have no rollup of their own: summed from the matching tickets' facts, so the cost grows with
    // them. The issue sets no target for a combination this rare; the figure is printed to show what it costs.
    await measure('three filters (team + channel + priority: from the facts)', null, () =>
      inWorkspace((scope) => getDashboard(scope, { ...range, filters: { ...twoFilters, priority: 'normal' } })),
    ),
    await measure('drill-down: created in the last 90 days, first page', DRILL_TARGET_MS, () =>
      inWorkspace((scope) => listReportTickets(scope, { ...range, metric: 'created' })),
    ),
    await measure('drill-down: solved by one agent, last 90 days, first page', DRILL_TARGET_MS, () =>
      inWorkspace((scope) =>
        listReportTickets(scope, {
          ...range,
          metric: 'solved',
          filters: { agent: workspace.agentUserId },
        }),
      ),
    ),
  ];
  await closeDb();
  const file = writeResults(`reports-${profile.name}`, {
    tickets: TICKETS,
    rebuildSeconds: rebuild ? rebuild.ms / 1000 : null,
    figures,
    machine: machineInfo(),
    loadAverage: loadAverage(),
  });
  log(
    `${figures.every((f) => f.ok !== false) ? 'all figures within target' : 'some figures over target'} · results: ${file}`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

import './outside-next';
import crypto from 'node:crypto';
import { loadDotEnv } from '../../scripts/load-env';
import { cleanup, installExitGuards, onCleanup } from './cleanup';
import { openBenchDatabase } from './database';
import type { Measured } from './measure';
import { parseOptions } from './options';
import { loadHelpSeed, removeRecordedSearches, seedHelpCenter } from './help-seed';
import { groupRssMiB } from './memory';
import { runPgbench, type PgbenchResult } from './pgbench';
import {
  helpMarkdownTable,
  judge,
  judgeCreates,
  judgeHelp,
  judgeMemory,
  judgeRelevance,
  loadAverage,
  machineInfo,
  markdownTable,
  TARGETS,
  verdict,
  writeResults,
  type HelpRow,
  type RelevanceRow,
  type Row,
} from './report';
import { removeCreatedTickets } from './restore';
import { inspectSeed, loadSeededWorkspaces, seedBench } from './seed';
import { shortfallLines, shortfalls } from './shortfall';
import { ensureBuild, freePort, startWebServer } from './web-server';

// `npm run bench [-- --quick] [--reseed] [--build] [--seed-only]`: seeds (or reuses) a bench database, starts the
// production server against it, and times each ticket query and the help center's search and article
// page through HTTP and directly, and scores the help-center relevance set.
// It prints figures and writes them to bench-results/; it never fails on a slow figure (STYLE §7).

const options = parseOptions(process.argv.slice(2));
const { profile } = options;
installExitGuards(profile.timeLimitMinutes);

const log = (message: string) => console.log(`[bench] ${message}`);

async function main() {
  const startedAt = new Date();
  const loadAtStart = loadAverage();
  loadDotEnv();
  const database = await openBenchDatabase(profile, options.reseed);
  onCleanup('database', () => database.stop());
  log(`${profile.name} bench · database: ${database.label}`);

  const state = await inspectSeed(database.ownerUrl, profile);
  if (state === 'other') {
    log('the bench database holds another seed: starting it afresh');
    await database.reset();
  }
  // Everything imported from here on reads its configuration from these.
  process.env.DATABASE_URL = database.ownerUrl;
  if (database.appUrl) process.env.DATABASE_APP_URL = database.appUrl;
  else delete process.env.DATABASE_APP_URL;
  process.env.AUTH_SECRET = crypto.randomBytes(32).toString('base64url');

  const { runMigrations } = await import('../../server/db/migrate');
  await runMigrations(database.ownerUrl);

  let seed;
  if (state === 'ready') {
    seed = await loadSeededWorkspaces(database.ownerUrl);
    log(`reusing the seeded database (seeded in ${seed.seconds.toFixed(0)}s; --reseed to start over)`);
  } else {
    log(
      `seeding ${profile.workspaces} workspaces, ${profile.totalTickets.toLocaleString('en')} tickets (largest ${profile.largestTickets.toLocaleString('en')})…`,
    );
    seed = await seedBench(database.ownerUrl, profile, database.kind);
    log(`seeded in ${seed.seconds.toFixed(1)}s`);
  }
  log(
    `data: ${seed.totals.tickets.toLocaleString('en')} tickets, ${seed.totals.messages.toLocaleString('en')} messages, ${seed.totals.customers.toLocaleString('en')} customers`,
  );
  const { closeDb } = await import('../../server/db/client');
  onCleanup('app pool', closeDb);
  let help = await loadHelpSeed(database.ownerUrl, profile);
  if (help) {
    log(`reusing the seeded help center (seeded in ${help.seconds.toFixed(0)}s)`);
  } else {
    log(
      `seeding ${profile.totalArticles.toLocaleString('en')} help-center articles (largest ${profile.largestArticles.toLocaleString('en')}) and the relevance set…`,
    );
    const { seedRelevanceSet } = await import('../helpers/help-relevance');
    help = await seedHelpCenter(
      database.ownerUrl,
      profile,
      seed.workspaces,
      database.kind,
      async (relevance, largestWorkspace) => {
        await seedRelevanceSet(relevance.tenantId, { userId: relevance.authorUserId, role: 'owner' });
        await seedRelevanceSet(largestWorkspace.tenantId, { userId: largestWorkspace.agentUserId, role: 'agent' });
      },
    );
    log(`help center seeded in ${help.seconds.toFixed(1)}s`);
  }
  if (options.seedOnly) {
    log('--seed-only: the seed is ready; not building or measuring');
    return;
  }

  const largest = seed.workspaces[0]!;
  const mid = seed.workspaces[Math.floor(seed.workspaces.length / 2)]!;
  await removeCreatedTickets(database.ownerUrl, [largest, mid]);

  const build = await ensureBuild(options.rebuild, process.env);
  const server = await startWebServer(process.env, await freePort());
  log(
    `server: scripts/serve-web.ts (compiled, heap-bound) at ${server.url}${build.built ? ` (built in ${build.seconds.toFixed(0)}s)` : ''} · load average ${loadAverage().join(' ')} on ${machineInfo().cpus} CPUs`,
  );
  const measuringSince = Date.now();
  const rssBefore = await groupRssMiB(server.pid);

  const { connectWorkspace } = await import('./workspace-client');
  const { workspaceOperations, createInputs } = await import('./scenarios');
  const { measure, measureHttpOnly, measureThroughput } = await import('./measure');
  const { TrpcHttp } = await import('./trpc-http');

  // Next's routing, tRPC and an Auth.js lookup that finds no cookie: what any call costs before our code runs.
  const anonymous = new TrpcHttp(server.url, '');
  const floor = await measureHttpOnly(
    'unauthenticated call, answered 401 (framework floor)',
    profile.iterations,
    profile.warmup,
    async () => {
      const status = await anonymous.status('workspace.current');
      if (status !== 401) throw new Error(`An unauthenticated call answered ${status}; expected 401.`);
    },
  );
  log(
    `  ${floor.label.padEnd(72)} http p50 ${floor.http.p50.toFixed(1)} p95 ${floor.http.p95.toFixed(1)} ms · informational (no target)`,
  );
  const { explainServiceQuery } = await import('./explain');

  const rows: Row[] = [];
  const clients = [];
  for (const workspace of [largest, mid]) {
    const client = await connectWorkspace(workspace, server.url, process.env.AUTH_SECRET!);
    clients.push(client);
    log(
      `measuring ${workspace.slug} (${workspace.tickets.toLocaleString('en')} tickets), ${profile.iterations} iterations after ${profile.warmup} warm-up…`,
    );
    for (const operation of await workspaceOperations(client, profile.iterations + profile.warmup)) {
      const measured: Measured = await measure(
        operation,
        profile.iterations,
        profile.warmup,
        profile.operationBudgetSeconds,
      );
      const row = judge(measured, workspace, workspace === largest);
      rows.push(row);
      log(
        `  ${row.label.padEnd(72)} n ${String(row.http.n).padStart(3)} · http p50 ${row.http.p50.toFixed(1).padStart(6)} p95 ${row.http.p95.toFixed(1).padStart(6)} · direct p50 ${row.direct.p50.toFixed(1).padStart(6)} p95 ${row.direct.p95.toFixed(1).padStart(6)} ms · ratio ${row.ratio.toFixed(2)} · ${verdict(row)}`,
      );
    }
  }

  const [largestClient] = clients;
  const { listTickets } = await import('../../server/services/ticket/list-tickets');
  const { searchTickets } = await import('../../server/services/ticket/search-tickets');
  const { listTicketsInput } = await import('../../lib/validators/ticket');
  const explains = [
    await explainServiceQuery(
      largestClient!,
      `ticket.list all_open first page, ${largest.slug}`,
      () =>
        largestClient!.direct((scope) =>
          listTickets(scope, scope.actor.userId, listTicketsInput.parse({ view: 'all_open' })),
        ),
      (s) => s.text.includes('"tickets"') && /\blimit\b/i.test(s.text),
    ),
    await explainServiceQuery(
      largestClient!,
      `ticket.search refund, ${largest.slug}`,
      () => largestClient!.direct((scope) => searchTickets(scope, { query: 'refund', limit: 20 })),
      (s) => s.text.includes('websearch_to_tsquery'),
    ),
  ].filter((e) => e !== null);
  for (const e of explains)
    log(`EXPLAIN ANALYZE ${e.label}: execution ${e.executionMs} ms, planning ${e.planningMs} ms`);

  const { RELEVANCE_ARTICLES } = await import('../fixtures/help-relevance');
  const { helpOperations, measureRelevance } = await import('./help-scenarios');
  const helpLargest = { ...help.workspaces[0]!, articles: help.workspaces[0]!.articles + RELEVANCE_ARTICLES.length };
  const helpMid = help.workspaces[Math.floor(help.workspaces.length / 2)]!;
  const helpTenants = [helpLargest.tenantId, helpMid.tenantId, help.relevance.tenantId];
  await removeRecordedSearches(database.ownerUrl, helpTenants);
  const helpRows: HelpRow[] = [];
  for (const target of [helpLargest, helpMid]) {
    log(`help center of ${target.slug} (${target.articles.toLocaleString('en')} articles), as an anonymous reader…`);
    for (const operation of await helpOperations(target, anonymous, server.url, profile.iterations + profile.warmup)) {
      const row = judgeHelp(
        await measure(operation, profile.iterations, profile.warmup, profile.operationBudgetSeconds),
        target,
      );
      helpRows.push(row);
      log(
        `  ${row.label.padEnd(72)} n ${String(row.http.n).padStart(3)} · http p50 ${row.http.p50.toFixed(1).padStart(6)} p95 ${row.http.p95.toFixed(1).padStart(6)} · direct p50 ${row.direct.p50.toFixed(1).padStart(6)} p95 ${row.direct.p95.toFixed(1).padStart(6)} ms · ratio ${row.ratio.toFixed(2)} · ${verdict(row)}`,
      );
    }
  }
  const relevance: RelevanceRow[] = [
    {
      label: `${help.relevance.slug}: the set alone`,
      articles: RELEVANCE_ARTICLES.length,
      score: await measureRelevance(anonymous, help.relevance.slug),
    },
    {
      label: `${helpLargest.slug}: the set among generated articles`,
      articles: helpLargest.articles,
      score: await measureRelevance(anonymous, helpLargest.slug),
    },
  ];
  for (const r of relevance) {
    log(
      `relevance, ${r.label}: first ${r.score.first}/${r.score.queries}, top three ${r.score.topThree}/${r.score.queries} · ${verdict(judgeRelevance(r.score))}`,
    );
    for (const m of r.score.misses)
      log(
        `  ${m.rank ? `#${m.rank}` : 'not found'}: "${m.query}" (expected ${m.expected}; got ${m.got.join(', ') || 'nothing'})`,
      );
  }
  const helpWorkspaceClient = { workspace: { ...largest, tenantId: helpLargest.tenantId } } as Parameters<
    typeof explainServiceQuery
  >[0];
  const { withHelpCenter } = await import('../../server/services/help/help-center-scope');
  const { searchHelpCenter } = await import('../../server/services/help/search-help-center');
  const helpExplain = await explainServiceQuery(
    helpWorkspaceClient,
    `help.search refund, ${helpLargest.slug}`,
    () =>
      withHelpCenter(helpLargest.slug, null, (scope) =>
        searchHelpCenter(scope, { query: 'refund', limit: 10, track: false }),
      ),
    (s) => s.text.includes('websearch_to_tsquery'),
  );
  if (helpExplain) {
    explains.push(helpExplain);
    log(
      `EXPLAIN ANALYZE ${helpExplain.label}: execution ${helpExplain.executionMs} ms, planning ${helpExplain.planningMs} ms`,
    );
  }
  const searchesRemoved = await removeRecordedSearches(database.ownerUrl, helpTenants);

  // The yardstick first, on the same server and under the same load as the creates that follow.
  let pgbench: PgbenchResult = { unavailable: 'needs a Postgres server' };
  if (database.kind === 'postgres') {
    log(`pgbench -i -s 10, then -c 8 -j 2 -T ${profile.pgbenchSeconds} in a scratch database on the bench's server…`);
    pgbench = await runPgbench(database.ownerUrl, {
      clients: 8,
      threads: 2,
      seconds: profile.pgbenchSeconds,
      scale: 10,
    });
  }
  log(`  pgbench: ${'tps' in pgbench ? `${pgbench.tps} TPS` : `n/a: ${pgbench.unavailable}`}`);

  log(
    `ticket.create throughput: ${profile.creates} tickets at concurrency ${profile.createConcurrency} in ${largest.slug}, through HTTP, then the service call alone…`,
  );
  const input = await createInputs(largestClient!);
  const { createTicketAsAgent } = await import('../../server/services/ticket/agent-actions');
  const { createTicketInput } = await import('../../lib/validators/ticket');
  const httpCreates = await measureThroughput(
    `${largest.slug} (${largest.tickets.toLocaleString('en')}), HTTP`,
    profile.creates,
    profile.createConcurrency,
    (i) => largestClient!.http.mutation('ticket.create', input(i)),
  );
  const rssAfter = await groupRssMiB(server.pid);
  const directCreates = await measureThroughput(
    `${largest.slug} (${largest.tickets.toLocaleString('en')}), service call`,
    profile.creates,
    profile.createConcurrency,
    (i) =>
      largestClient!.direct((scope) => createTicketAsAgent(scope, createTicketInput.parse(input(profile.creates + i)))),
  );
  const throughput = judgeCreates(httpCreates, directCreates, pgbench);
  const memory = judgeMemory(rssBefore, rssAfter);
  // The widget's figures; its filed tickets are numbered after the seed, so the cleanup below removes them.
  log('support widget: loader size, config + linked articles, filing at c8…');
  const { measureConfig, measureFiling, measureLoader, widgetMarkdownTable } = await import('./widget-scenarios');
  const widget = {
    loader: measureLoader(),
    config: await measureConfig(helpLargest, profile.iterations, profile.warmup),
    filing: await measureFiling(largest, profile.creates, directCreates),
  };
  const widgetTable = widgetMarkdownTable(widget);
  log(`\n${widgetTable}`);
  const removed = await removeCreatedTickets(database.ownerUrl, [largest]);
  for (const t of throughput)
    log(
      `  ${t.label}: ${t.perSecond} tickets/s, p50 ${t.latency.p50.toFixed(1)} ms, p95 ${t.latency.p95.toFixed(1)} ms · ${t.target} ${t.ok === null ? 'n/a' : t.ok ? '✓' : '✗'}`,
    );
  log(`  (${removed} bench tickets removed again)`);
  log(
    `  ${memory.label}: ${memory.beforeMiB} → ${memory.afterMiB} MiB · ${memory.target} ${memory.ok === null ? 'n/a' : memory.ok ? '✓' : '✗'}`,
  );

  const table = markdownTable(rows, throughput, floor, memory);
  const helpTable = helpMarkdownTable(helpRows, relevance);
  const missed = [...rows, ...helpRows, ...throughput, memory, widget.loader, widget.config].filter(
    (r) => r.ok === false,
  );
  const gaps = shortfalls({ rows, helpRows, throughput, memory });
  const loadAtEnd = loadAverage();
  log(`measured in ${((Date.now() - measuringSince) / 1000).toFixed(0)}s · load average ${loadAtEnd.join(' ')}`);
  console.log(`\nTickets\n\n${table}\n\nHelp center\n\n${helpTable}\n\nSupport widget\n\n${widgetTable}\n`);
  console.log(
    `Targets (server side = direct service call): view first page p95 ≤ ${TARGETS.viewFirstPageP95Ms} ms at the largest workspace, ticket search p95 ≤ ${TARGETS.searchP95Ms} ms, help search p95 ≤ ${TARGETS.helpSearchP95Ms} ms, HTTP/direct p50 ratio ≤ ${TARGETS.maxRatio}. ` +
      `ticket.create ≥ ${TARGETS.createHttpPerSecond}/s through HTTP and ≥ ${TARGETS.createDirectShareOfPgbench * 100}% of pgbench TPS as a service call, web RSS ≤ ${TARGETS.webRssMiB} MiB. ` +
      (missed.length
        ? `Missed: ${missed.length} of ${rows.length + helpRows.length + throughput.length + 1} rows.`
        : 'All met.'),
  );
  console.log(`\n${shortfallLines(gaps).join('\n')}\n`);

  const file = writeResults(profile.name, {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    profile,
    machine: { ...machineInfo(), loadAverage: { atStart: loadAtStart, atEnd: loadAtEnd } },
    database: { kind: database.kind, label: database.label },
    seed: {
      reused: seed.reused,
      seconds: seed.seconds,
      totals: seed.totals,
      workspaces: seed.workspaces.length,
      largest: { slug: largest.slug, tickets: largest.tickets },
      mid: { slug: mid.slug, tickets: mid.tickets },
    },
    server: { built: build.built, buildSeconds: build.seconds },
    measuringSeconds: (Date.now() - measuringSince) / 1000,
    targets: TARGETS,
    results: rows,
    throughput,
    pgbench,
    memory,
    floor,
    widget,
    explain: explains,
    help: {
      seed: {
        reused: help.reused,
        seconds: help.seconds,
        totalArticles: help.totalArticles,
        workspaces: help.workspaces.length,
        largest: helpLargest,
        mid: helpMid,
        relevanceWorkspace: help.relevance.slug,
      },
      results: helpRows,
      relevance,
      searchesRemoved,
    },
    summary: {
      rows: rows.length + helpRows.length + throughput.length + 1,
      missed: missed.map((r) => `${'workspace' in r ? `${r.workspace}: ` : ''}${r.label} (${r.target})`),
      shortfalls: gaps,
    },
  });
  log(`results written to ${file}`);
}

try {
  await main();
  await cleanup();
  process.exit(0);
} catch (error) {
  console.error('[bench] failed:', error);
  await cleanup();
  process.exit(1);
}

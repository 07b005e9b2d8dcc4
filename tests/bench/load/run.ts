import '../outside-next';
import crypto from 'node:crypto';
import pg from 'pg';
import { loadDotEnv } from '../../../scripts/load-env';
import { cleanup, installExitGuards, onCleanup } from '../cleanup';
import { loadAverage, machineInfo, writeResults } from '../report';
import { summarize, timed } from '../stats';
import { ensureBuild, freePort, startWebServer } from '../web-server';
import { groupRssMiB, slopePerMinute } from './memory';
import { startSmtpSink } from './smtp-sink';
import { startBenchWorker } from '../worker-process';

// `npm run bench:load [-- --quick] [--build]`: the soak test of issue 9. The production build (served by
// scripts/serve-web.ts as `npm start` runs it, START_WORKER=false) and a separate `npm run worker`, on
// Postgres and Redis, while 50 agents poll their queue view, open tickets and reply through HTTP tRPC as
// the agent UI does, and tickets arrive at 100/s through the ticket.create procedure over HTTP. It prints
// each figure beside its target and checks afterwards that every ticket exists once and every queued mail
// was sent once. It never fails on a slow figure (STYLE §7); it exits non-zero only when it could not run.
// Only 127.0.0.1 traffic.

const quick = process.argv.includes('--quick');
const unknown = process.argv.slice(2).filter((a) => !['--quick', '--build'].includes(a));
if (unknown.length) {
  console.log(
    'npm run bench:load [-- --quick] [--build]\n  --quick  60 s instead of 10 minutes\n  --build  run `next build` even if a production build exists',
  );
  process.exit(2);
}
const PROFILE = {
  name: quick ? 'load-quick' : 'load-full',
  seconds: quick ? 60 : 600,
  agents: 50,
  arrivalsPerSecond: 100,
  /** Arrivals beyond this many calls in flight are counted as not sent: the server fell behind. */
  maxInFlight: 64,
  /** An agent's queue view refetches this often, as the agent UI's polling does. */
  pollEveryMs: 5_000,
  drainSeconds: 120,
};
const TARGETS = { errors: 0, queueP95Ms: 500, rssMaxMiB: 300, rssSlopeMiBPerMin: 3 };
/** Ten-second samples: the slope is judged over at least three minutes of them (the full run has five). */
const MIN_SLOPE_SAMPLES = 18;
const log = (message: string) => console.log(`[bench:load] ${message}`);
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function withDatabase(url: string, database: string) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Drops and recreates the load database: only a database whose name contains "load" is ever dropped. */
async function freshDatabase(url: string) {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!/^[a-z0-9_]*load[a-z0-9_]*$/.test(name))
    throw new Error(
      `DATABASE_URL names "${name}"; the load test drops its database, so it must be one whose name contains "load" (e.g. cairn_load).`,
    );
  const admin = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await admin.connect();
  await admin.query(`drop database if exists ${admin.escapeIdentifier(name)} with (force)`);
  await admin.query(`create database ${admin.escapeIdentifier(name)}`);
  await admin.end();
}

async function main() {
  loadDotEnv();
  installExitGuards(PROFILE.seconds / 60 + 15);
  const databaseUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/cairn_load';
  const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379/10';
  for (const url of [databaseUrl, redisUrl]) {
    if (!['127.0.0.1', 'localhost', '[::1]'].includes(new URL(url).hostname))
      throw new Error(`The load test only runs against 127.0.0.1; ${url} is elsewhere.`);
  }
  await freshDatabase(databaseUrl);
  const smtp = await startSmtpSink();
  onCleanup('smtp sink', smtp.close);
  // Everything imported from here on, the web server and the worker read their configuration from these.
  Object.assign(process.env, {
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    SMTP_URL: smtp.url,
    AUTH_SECRET: crypto.randomBytes(32).toString('base64url'),
    LOG_LEVEL: 'warn',
  });
  delete process.env.DATABASE_APP_URL;
  const { Redis } = await import('ioredis');
  const redis = new Redis(redisUrl);
  await redis.flushdb();
  redis.disconnect();

  const { runMigrations } = await import('../../../server/db/migrate');
  await runMigrations(databaseUrl);
  const { createWorkspace, addMember, createTestCustomer } = await import('../../helpers/factories');
  const { closeDb } = await import('../../../server/db/client');
  onCleanup('seed pool', closeDb);
  const ws = await createWorkspace({ name: 'Load Desk' });
  const agents = [ws.owner];
  while (agents.length < PROFILE.agents) agents.push(await addMember(ws.id, 'agent'));
  const customers: string[] = [];
  for (let i = 0; i < 200; i++) customers.push((await createTestCustomer(ws.id)).id);
  log(`seeded 1 workspace, ${agents.length} agents, ${customers.length} customers`);

  const build = await ensureBuild(process.argv.includes('--build'), process.env);
  const worker = startBenchWorker(process.env);
  await worker.ready;
  const server = await startWebServer(process.env, await freePort());
  log(
    `server: scripts/serve-web.ts (compiled, heap-bound) at ${server.url} (pid ${server.pid})${build.built ? `, built in ${build.seconds.toFixed(0)}s` : ''}; worker: npm run worker · load average ${loadAverage().join(' ')} on ${machineInfo().cpus} CPUs`,
  );

  const { staffCookie, TrpcHttp } = await import('../trpc-http');
  const clients = await Promise.all(
    agents.map(
      async (a) =>
        new TrpcHttp(
          server.url,
          await staffCookie({ id: a.userId, email: a.email, name: a.name }, ws.id, process.env.AUTH_SECRET!),
        ),
    ),
  );
  const intake = clients[0]!;
  const runId = crypto.randomBytes(3).toString('hex');

  const errors: Array<{ what: string; message: string }> = [];
  const fail = (what: string, error: unknown) =>
    errors.push({ what, message: error instanceof Error ? error.message.slice(0, 300) : String(error) });
  const queueMs: number[] = [];
  const createMs: number[] = [];
  const created = new Map<string, string>();
  let replies = 0;
  let notSent = 0;
  const startedAt = Date.now();
  const deadline = startedAt + PROFILE.seconds * 1000;

  // Open-loop arrivals: a ticket every 10 ms whether or not the last one returned, as customers do.
  let inFlight = 0;
  let arrivals = 0;
  const arriving = (async () => {
    const pending = new Set<Promise<unknown>>();
    const maxArrivals = PROFILE.seconds * PROFILE.arrivalsPerSecond;
    while (Date.now() < deadline && arrivals < maxArrivals) {
      const due = startedAt + (arrivals * 1000) / PROFILE.arrivalsPerSecond;
      if (due > Date.now()) await wait(due - Date.now());
      const i = arrivals++;
      if (inFlight >= PROFILE.maxInFlight) {
        notSent++;
        continue;
      }
      inFlight++;
      const subject = `Load ${runId} ticket ${i}`;
      const call = timed(() =>
        intake.mutation<{ id: string }>('ticket.create', {
          subject,
          body: `Arrival ${i}: the export page times out.`,
          requester: { customerId: customers[i % customers.length]! },
          priority: 'normal',
          channel: 'web',
        }),
      )
        .then(({ ms, result }) => {
          createMs.push(ms);
          created.set(subject, result.id);
        })
        .catch((error) => fail('ticket.create', error))
        .finally(() => {
          inFlight--;
          pending.delete(call);
        });
      pending.add(call);
    }
    await Promise.all(pending);
  })();

  // Agents: the queue view every few seconds; now and then open a ticket, sometimes reply to it.
  const working = clients.map(async (client, a) => {
    await wait((a * PROFILE.pollEveryMs) / clients.length);
    for (let round = 0; round < PROFILE.seconds && Date.now() < deadline; round++) {
      try {
        const { ms, result } = await timed(() =>
          client.query<{ items: Array<{ id: string }> }>('ticket.list', { view: 'all_open' }),
        );
        queueMs.push(ms);
        const pick = result.items[(a + round) % Math.max(1, result.items.length)];
        if (pick && round % 3 === 0) {
          await client.query('ticket.get', { ticketId: pick.id });
          if (round % 6 === 0) {
            await client.mutation('ticket.reply', {
              ticketId: pick.id,
              body: `Looking into it (agent ${a}, round ${round}).`,
            });
            replies++;
          }
        }
      } catch (error) {
        fail('agent', error);
      }
      await wait(PROFILE.pollEveryMs);
    }
  });

  // Web process memory every 10 s.
  const rss: Array<{ atMs: number; mib: number }> = [];
  const sampling = (async () => {
    while (Date.now() < deadline) {
      rss.push({ atMs: Date.now() - startedAt, mib: groupRssMiB(server.pid) });
      const s = rss.at(-1)!;
      log(
        `  ${(s.atMs / 1000).toFixed(0).padStart(4)} s · rss ${s.mib.toFixed(0)} MiB · created ${created.size} · errors ${errors.length} · not sent ${notSent}`,
      );
      await wait(Math.min(10_000, Math.max(0, deadline - Date.now())));
    }
  })();
  await Promise.all([arriving, ...working, sampling]);
  const seconds = (Date.now() - startedAt) / 1000;

  // Drain: the worker finishes what the run queued; then the outbox and the mail server must agree.
  const owner = new pg.Client({ connectionString: databaseUrl });
  await owner.connect();
  onCleanup('owner connection', () => owner.end());
  const outboxCounts = async () =>
    (
      await owner.query<{ kind: string; status: string; n: string }>(
        `select kind, status, count(*) as n from outbox group by 1, 2`,
      )
    ).rows;
  const pendingRows = async () =>
    (await outboxCounts())
      .filter((r) => r.status === 'pending' || r.status === 'sending')
      .reduce((a, r) => a + Number(r.n), 0);
  const drainDeadline = Date.now() + PROFILE.drainSeconds * 1000;
  while ((await pendingRows()) > 0 && Date.now() < drainDeadline) await wait(1_000);
  // The worker stops gracefully (its batches in flight are sent and settled) before anything is counted:
  // otherwise mails sent but not yet marked done make the outbox and the mail server disagree.
  await worker.stop();
  const counts = await outboxCounts();
  const count = (kind: string, status: string) =>
    Number(counts.find((r) => r.kind === kind && r.status === status)?.n ?? 0);
  const ticketRows = (
    await owner.query<{ subject: string; n: string }>(
      `select subject, count(*) as n from tickets where subject like $1 group by 1`,
      [`Load ${runId} ticket %`],
    )
  ).rows;
  const doubled = ticketRows.filter((r) => Number(r.n) > 1).length;
  const missing = [...created.keys()].filter((subject) => !ticketRows.some((r) => r.subject === subject)).length;
  const mailsDone = count('email', 'done');
  const stillPending = await pendingRows();

  const queue = summarize(queueMs);
  const creates = summarize(createMs);
  const half = rss.filter((s) => s.atMs >= (seconds * 1000) / 2);
  const rssMax = Math.max(...rss.map((s) => s.mib));
  const slope = slopePerMinute(half);
  const achieved = created.size / seconds;
  const mark = (ok: boolean) => (ok ? '✓' : '✗');
  // The arrival rate's own consequence (Little's law): 100 tickets/s with at most 64 calls in flight leaves
  // each call 640 ms; slower creates are what make arrivals go unsent.
  const createP95TargetMs = (1000 * PROFILE.maxInFlight) / PROFILE.arrivalsPerSecond;
  const rows = [
    [
      'errors (HTTP calls that failed)',
      String(errors.length),
      `${TARGETS.errors}`,
      mark(errors.length === TARGETS.errors),
    ],
    [
      'arrival rate achieved (tickets created / s)',
      achieved.toFixed(1),
      `${PROFILE.arrivalsPerSecond}`,
      mark(achieved >= PROFILE.arrivalsPerSecond * 0.98),
    ],
    ['arrivals not sent (server behind by ≥ 64 calls)', String(notSent), '0', mark(notSent === 0)],
    [
      'ticket.create p50 / p95',
      `${creates.p50.toFixed(0)} / ${creates.p95.toFixed(0)} ms`,
      `p95 ≤ ${createP95TargetMs} ms`,
      mark(creates.p95 <= createP95TargetMs),
    ],
    [
      'agent queue page (ticket.list all_open) p50 / p95',
      `${queue.p50.toFixed(0)} / ${queue.p95.toFixed(0)} ms`,
      `p95 ≤ ${TARGETS.queueP95Ms} ms`,
      mark(queue.p95 <= TARGETS.queueP95Ms),
    ],
    [
      'web RSS max (10 s samples)',
      `${rssMax.toFixed(0)} MiB`,
      `≤ ${TARGETS.rssMaxMiB} MiB`,
      mark(rssMax <= TARGETS.rssMaxMiB),
    ],
    [
      `web RSS slope, second half (${half.length} samples)`,
      `${slope.toFixed(2)} MiB/min`,
      `≤ ${TARGETS.rssSlopeMiBPerMin} MiB/min`,
      // A leak shows over minutes; the quick run's half-minute of samples is garbage-collector noise.
      half.length >= MIN_SLOPE_SAMPLES
        ? mark(slope <= TARGETS.rssSlopeMiBPerMin)
        : `n/a (under ${MIN_SLOPE_SAMPLES} samples: judged on the full run)`,
    ],
    ['created tickets missing / doubled', `${missing} / ${doubled}`, '0 / 0', mark(missing === 0 && doubled === 0)],
    [
      'mails: outbox done vs SMTP received (duplicates)',
      `${mailsDone} vs ${smtp.received()} (${smtp.duplicates()})`,
      'equal (0)',
      mark(mailsDone === smtp.received() && smtp.duplicates() === 0),
    ],
    [`outbox rows pending after ${PROFILE.drainSeconds} s drain`, String(stillPending), '0', mark(stillPending === 0)],
  ];
  console.log(
    [
      '',
      `| ${PROFILE.name}: ${PROFILE.agents} agents, ${PROFILE.arrivalsPerSecond} tickets/s offered for ${seconds.toFixed(0)} s, ${replies} replies | measured | target | ok? |`,
      '|---|--:|--:|:-:|',
      ...rows.map((r) => `| ${r.join(' | ')} |`),
      '',
    ].join('\n'),
  );
  for (const e of errors.slice(0, 5)) log(`error (${e.what}): ${e.message}`);
  const file = writeResults(PROFILE.name, {
    profile: PROFILE,
    targets: { ...TARGETS, createP95Ms: createP95TargetMs },
    machine: machineInfo(),
    loadAverage: loadAverage(),
    seconds,
    achieved,
    notSent,
    errors: errors.length,
    firstErrors: errors.slice(0, 20),
    queueMs: queue,
    createMs: creates,
    replies,
    rss,
    rssMax,
    rssSlopeSecondHalf: slope,
    tickets: { created: created.size, missing, doubled },
    outbox: counts,
    smtp: { received: smtp.received(), duplicates: smtp.duplicates() },
    stillPending,
  });
  log(`results written to ${file} · load average ${loadAverage().join(' ')}`);
  if (achieved < PROFILE.arrivalsPerSecond * 0.98)
    log(
      `the arrival rate fell short: ticket.create p95 ${creates.p95.toFixed(0)} ms at up to ${PROFILE.maxInFlight} calls in flight caps it near ${((1000 * PROFILE.maxInFlight) / Math.max(1, creates.p50)).toFixed(0)}/s on this machine`,
    );
}

try {
  await main();
  await cleanup();
  process.exit(0);
} catch (error) {
  console.error('[bench:load] failed:', error);
  await cleanup();
  process.exit(1);
}

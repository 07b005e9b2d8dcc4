import crypto from 'node:crypto';
import pg from 'pg';
import { loadDotEnv } from '../../../scripts/load-env';
import { freshBenchDatabase } from '../fresh-database';
import { loadAverage, machineInfo, writeResults } from '../report';
import { summarize, timed } from '../stats';
import { cleanup } from '../cleanup';
import { startBenchWorker } from '../worker-process';

// `npm run bench:inbound [-- --quick]` (and the last part of `npm run bench`): issue 11's inbound figures on
// real Postgres and Redis. Raw messages go into one workspace through the raw-MIME path's store step (what
// POST /api/inbound/{workspace} does once the secret is checked: bytes committed first, processing queued),
// the real worker (`npm run worker` in a process of its own, as production runs it) parses, threads and
// commits each one, and the bench reads back when each became visible.
// It prints the figures beside the targets and never fails on a slow one (STYLE §7).

const quick = process.argv.includes('--quick');
const PROFILE = quick
  ? { name: 'inbound-quick', messages: 400, replies: 100 }
  : { name: 'inbound-full', messages: 3_000, replies: 600 };
/** The targets: ≥ 200 messages/s sustained, p95 ingest-to-visible ≤ 2 s. */
const RATE_TARGET = 200;
const VISIBLE_TARGET_MS = 2_000;
/** Deliveries at once, as a receiving MTA's several connections (Postfix defaults to 20 per destination). */
const STORE_CONCURRENCY = 8;
const log = (message: string) => console.log(`[bench:inbound] ${message}`);
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mark = (ok: boolean) => (ok ? '✓' : '✗');

/** A customer's mail as a receiving MTA hands it over, its own Authentication-Results on top. */
function message(i: number, run: string, inReplyTo?: string) {
  const lines = [
    'Authentication-Results: mx.bench.test; spf=pass smtp.mailfrom=customer.example; dmarc=pass header.from=customer.example',
    `From: Customer ${i} <customer-${i}@customer.example>`,
    'To: support@bench.test',
    `Subject: ${inReplyTo ? 'Re: ' : ''}Bench request ${i}`,
    `Date: ${new Date().toUTCString()}`,
    `Message-ID: <bench-${run}-${inReplyTo ? 'r' : 'n'}-${i}@customer.example>`,
    ...(inReplyTo ? [`In-Reply-To: ${inReplyTo}`, `References: ${inReplyTo}`] : []),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    `Hello, this is message ${i}. The printer on floor ${i % 7} jams again.`,
    '',
    '> quoted history from an earlier mail',
  ];
  return Buffer.from(lines.join('\r\n'));
}

async function main() {
  loadDotEnv();
  const serverUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const ownerUrl = await freshBenchDatabase(serverUrl, 'inbound', quick);
  process.env.DATABASE_URL = ownerUrl;
  delete process.env.DATABASE_APP_URL;
  const redis = new URL(process.env.REDIS_URL || 'redis://127.0.0.1:6379');
  // Flushed below: the Redis database REDIS_URL names, or 3 when it names none (db 0 is the app's default).
  if (!/^\/\d+$/.test(redis.pathname) || redis.pathname === '/0') redis.pathname = '/3';
  process.env.REDIS_URL = redis.toString();
  process.env.AUTH_SECRET = crypto.randomBytes(32).toString('base64url');
  process.env.LOG_LEVEL = 'warn';
  // The worker as production runs it: React renders the mails with its production build (the development
  // build's checks were a sixth of this process's CPU in a profile).
  Object.assign(process.env, { NODE_ENV: 'production' });
  const { Redis } = await import('ioredis');
  const flush = new Redis(process.env.REDIS_URL);
  await flush.flushdb();
  flush.disconnect();

  const { runMigrations } = await import('../../../server/db/migrate');
  await runMigrations(ownerUrl);
  const { createWorkspace, asStaff } = await import('../../helpers/factories');
  const { saveAuthservId } = await import('../../../server/services/inbound/inbound-channel-settings');
  const { storeInboundMessage } = await import('../../../server/services/inbound/store-inbound-message');
  const { QUEUES } = await import('../../../server/queue/jobs');
  const { closeDb } = await import('../../../server/db/client');

  const ws = await createWorkspace({ name: 'Inbound Bench Desk' });
  // The workspace's MTA checks senders (as a production desk behind its own mail server does): no DNS here.
  await asStaff(ws.id, ws.owner, (scope) => saveAuthservId(scope, { authservId: 'mx.bench.test' }));
  const owner = new pg.Client({ connectionString: ownerUrl });
  await owner.connect();
  // The worker in a process of its own, as production runs it beside the web process that stores the mail.
  const worker = startBenchWorker(process.env);
  await worker.ready;
  const run = crypto.randomBytes(4).toString('hex');

  const countDone = async () =>
    Number(
      (
        await owner.query(`select count(*) as n from inbound_messages where tenant_id = $1 and status <> 'pending'`, [
          ws.id,
        ])
      ).rows[0].n,
    );

  // As mail servers deliver: several connections at once, each handing over one message after another.
  const storeAll = async (count: number, store: (i: number) => Promise<unknown>) => {
    let next = 0;
    await Promise.all(
      Array.from({ length: STORE_CONCURRENCY }, async () => {
        while (next < count) await store(next++);
      }),
    );
  };

  // New requests, then replies to them (threaded by In-Reply-To on the mails received): both kinds of work.
  const total = PROFILE.messages + PROFILE.replies;
  const flow = await timed(async () => {
    await storeAll(PROFILE.messages, (i) => storeInboundMessage(ws.id, message(i, run)));
    await storeAll(PROFILE.replies, (i) =>
      storeInboundMessage(ws.id, message(i, run, `<bench-${run}-n-${i}@customer.example>`)),
    );
    const until = Date.now() + 600_000;
    while ((await countDone()) < total && Date.now() < until) await wait(100);
  });
  const rows = (
    await owner.query<{ status: string; outcome: string; ms: number }>(
      `select status, outcome, extract(epoch from (processed_at - received_at)) * 1000 as ms
       from inbound_messages where tenant_id = $1`,
      [ws.id],
    )
  ).rows;
  const visible = summarize(rows.filter((r) => r.ms !== null).map((r) => Number(r.ms)));
  const outcomes = rows.reduce<Record<string, number>>((acc, r) => {
    const key = r.status === 'processed' ? r.outcome : r.status;
    acc[key] = (acc[key] ?? 0) + 1;
    return acc;
  }, {});
  const perSecond = Math.round((rows.filter((r) => r.status !== 'pending').length / flow.ms) * 1000 * 10) / 10;
  const allDone = (outcomes.new_ticket ?? 0) === PROFILE.messages && (outcomes.appended ?? 0) === PROFILE.replies;
  const rateOk = allDone && perSecond >= RATE_TARGET;
  const visibleOk = allDone && visible.p95 <= VISIBLE_TARGET_MS;
  log(
    `${total} messages (${PROFILE.messages} new, ${PROFILE.replies} replies) in ${(flow.ms / 1000).toFixed(1)}s: ${perSecond} messages/s (inbound queue concurrency ${QUEUES.inbound.concurrency}) · target ≥ ${RATE_TARGET}/s ${mark(rateOk)}`,
  );
  log(
    `ingest-to-visible: p50 ${visible.p50.toFixed(0)} ms, p95 ${visible.p95.toFixed(0)} ms, max ${visible.max.toFixed(0)} ms · target p95 ≤ ${VISIBLE_TARGET_MS} ms ${mark(visibleOk)}; outcomes ${JSON.stringify(outcomes)}`,
  );

  await worker.stop();
  await owner.end();
  await closeDb();
  const results = {
    profile: PROFILE,
    machine: machineInfo(),
    loadAverage: loadAverage(),
    database: 'Postgres (real server)',
    queue: 'BullMQ on Redis',
    messages: total,
    outcomes,
    perSecond,
    rateTarget: RATE_TARGET,
    rateOk,
    ingestToVisibleMs: visible,
    visibleTargetMs: VISIBLE_TARGET_MS,
    visibleOk,
  };
  const file = writeResults(PROFILE.name, results);
  console.log(
    [
      '',
      `| measure (${total} messages into one workspace) | p50 | p95 | max | target | ok? |`,
      '|---|--:|--:|--:|---|:-:|',
      `| inbound throughput, stored → processed | ${perSecond} /s | – | – | ≥ ${RATE_TARGET}/s sustained | ${mark(rateOk)} |`,
      `| ingest-to-visible | ${visible.p50.toFixed(0)} ms | ${visible.p95.toFixed(0)} ms | ${visible.max.toFixed(0)} ms | p95 ≤ ${VISIBLE_TARGET_MS} ms | ${mark(visibleOk)} |`,
      '',
      `[bench:inbound] results written to ${file} · load average ${loadAverage().join(' ')} on ${machineInfo().cpus} CPUs`,
    ].join('\n'),
  );
}

main().then(
  async () => {
    await cleanup();
    process.exit(0);
  },
  async (error) => {
    console.error('[bench:inbound] failed:', error);
    await cleanup();
    process.exit(1);
  },
);

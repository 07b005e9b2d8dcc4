import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { prepareRuntime } from './prepare-runtime';
import { buildServerEntry, webNodeFlags } from './server-entry';

// `npm start`: migrate, seed the demo on an empty database (not in production unless CAIRN_DEMO=true),
// build if needed, serve, and process jobs.
const dev = process.argv.includes('--dev');
const started = Date.now();
const { embedded } = await prepareRuntime();

const { env } = await import('../lib/env');
const { runMigrations } = await import('../server/db/migrate');
const { seedDemoIfEmpty, DEMO_LOGINS, DEMO_WORKSPACE } = await import('../server/services/workspace/seed-demo');
const { demoSeedAllowed } = await import('../server/services/workspace/demo-policy');
const { syncAppRolePassword } = await import('../server/db/app-role-password');
const { componentLogger } = await import('../server/log');
const log = componentLogger('start');
const { closeDb } = await import('../server/db/client');
const { queueMode } = await import('../server/queue/connection');

await runMigrations(env.DATABASE_URL!);
if (env.DATABASE_APP_URL && !embedded) await syncAppRolePassword(env.DATABASE_URL!, env.DATABASE_APP_URL);
const demo = demoSeedAllowed({ nodeEnv: env.NODE_ENV, demo: env.CAIRN_DEMO });
const seeded = demo && (await seedDemoIfEmpty());

const nextBin = path.resolve('node_modules/.bin/next');
if (!dev && !fs.existsSync(path.resolve('.next/BUILD_ID'))) {
  log.info('no production build yet: running `next build` (a few minutes, once)…');
  const build = spawnSync(nextBin, ['build'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (build.status !== 0) {
    await embedded?.stop();
    process.exit(build.status ?? 1);
  }
}

// Not `next start`: our server stamps each request with its socket address (scripts/serve-web.ts). In
// production it runs compiled, on plain Node with a bounded heap (scripts/build-server.ts says why); `next
// dev` keeps tsx, so the server's own modules reload as they are edited.
const serveArgs = ['--port', String(env.PORT), '--quiet'];
const web: ChildProcess = dev
  ? spawn(path.resolve('node_modules/.bin/tsx'), ['scripts/serve-web.ts', ...serveArgs, '--dev'], {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, NODE_ENV: 'development' },
    })
  : spawn(process.execPath, [...webNodeFlags(env.WEB_HEAP_MIB), await buildServerEntry(), ...serveArgs], {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, NODE_ENV: 'production' },
    });

let worker: { stop: () => Promise<void> } | null = null;
if (env.START_WORKER) {
  const { startWorkers } = await import('../jobs/start-workers');
  const { IMAP_POLL_EVERY_MS } = await import('../lib/constants/inbound');
  worker = await startWorkers({ imapIdleRefreshMs: IMAP_POLL_EVERY_MS });
  // Job latencies are measured in this process, not in Next's: serve them here when asked.
  if (env.WORKER_METRICS_PORT)
    await (await import('../jobs/metrics-server')).startMetricsServer(env.WORKER_METRICS_PORT);
}

async function waitForWeb(url: string, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.status < 500) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

let stopping = false;
async function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  log.info('stopping…');
  web.kill('SIGTERM');
  await worker?.stop().catch(() => undefined);
  await closeDb().catch(() => undefined);
  await embedded?.stop().catch(() => undefined);
  process.exit(code);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
web.on('exit', (code) => void shutdown(code ?? 1));

const local = `http://localhost:${env.PORT}`;
if (await waitForWeb(`${local}/api/health`)) {
  // The start banner is for the person at the terminal: plain text, not a log line.
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    [
      '',
      `  Cairn is running at ${env.APP_URL}  (ready in ${seconds}s)`,
      `  database: ${embedded ? `embedded PGlite in ${path.resolve(env.CAIRN_DATA_DIR)}` : 'Postgres at DATABASE_URL'} · jobs: BullMQ on ${queueMode() === 'redis' ? 'Redis' : 'PostgreSQL'}${env.START_WORKER ? '' : ' (worker not started here)'}`,
      ...(demo
        ? [
            `  demo workspace: ${DEMO_WORKSPACE.name}${seeded ? ' (just created)' : ''}`,
            `    agent desk:   ${env.APP_URL}/agent`,
            `    help center:  ${env.APP_URL}/${DEMO_WORKSPACE.slug}/help`,
            `    portal:       ${env.APP_URL}/${DEMO_WORKSPACE.slug}/portal`,
            '  demo logins:',
            ...DEMO_LOGINS.map((l) => `    ${l.role.padEnd(6)} ${l.email.padEnd(20)} ${l.password}`),
          ]
        : [`  no demo workspace (production): create the first one at ${env.APP_URL}/signup`]),
      '',
    ].join('\n'),
  );
} else {
  log.error('the web server did not answer within two minutes; see the output above.');
}

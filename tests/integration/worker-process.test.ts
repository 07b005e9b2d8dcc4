import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '@/server/db/schema';
import { runInTenant } from '@/server/db/tenant';
import { createWorkspace, uniqueEmail, type TestWorkspace } from '../helpers/factories';
import { freePort, redisServerBinary, startRedisServer, type TestRedisServer } from '../helpers/redis-server';

// `npm run worker` as a real child process, against a redis-server of this file's own: what an operator
// sees on SIGTERM and on a Redis that evicts keys.

const root = path.resolve(import.meta.dirname, '../..');
const skipReason = 'SKIPPED: redis-server is not installed (apt-get install redis-server)';

type Spawned = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

function spawnWorker(env: Record<string, string>): Spawned {
  const child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['jobs/worker.ts'], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

const within = <T>(promise: Promise<T>, ms: number, what: string) =>
  Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms)),
  ]);

describe.skipIf(!redisServerBinary)(redisServerBinary ? 'npm run worker' : `npm run worker — ${skipReason}`, () => {
  let ws: TestWorkspace;
  const started: Spawned[] = [];
  const servers: TestRedisServer[] = [];

  beforeAll(async () => {
    ws = await createWorkspace({ name: 'Worker Process Desk' });
  });

  afterAll(async () => {
    for (const s of started) if (s.child.exitCode === null) s.child.kill('SIGKILL');
    for (const r of servers) await r.stop();
  });

  it('refuses to start in production on a Redis whose maxmemory-policy is not noeviction, and says why', async () => {
    const redis = await startRedisServer({ maxmemoryPolicy: 'allkeys-lru' });
    servers.push(redis);
    const worker = spawnWorker({ NODE_ENV: 'production', REDIS_URL: redis.url });
    started.push(worker);
    const code = await within(worker.exited, 60_000, 'the worker refusing to start');
    expect(code).toBe(1);
    // One JSON log line in production: the message's quotes arrive escaped.
    expect(worker.output()).toContain('maxmemory-policy \\"allkeys-lru\\"');
    expect(worker.output()).toContain('needs \\"noeviction\\"');
    expect(worker.output()).not.toContain('processing jobs');
  }, 90_000);

  it('on SIGTERM finishes the job it is running, then exits 0', async () => {
    const redis = await startRedisServer();
    servers.push(redis);
    // A mail server that holds one message until the test lets it go: the job is mid-send when SIGTERM arrives.
    const slowTo = uniqueEmail('slow');
    const received: string[] = [];
    let deliveryStarted!: () => void;
    const started$ = new Promise<void>((resolve) => (deliveryStarted = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, callback) {
        const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
        stream.resume();
        stream.on('end', () => {
          if (!to.includes(slowTo)) return callback();
          deliveryStarted();
          void released.then(() => {
            received.push(...to);
            callback();
          });
        });
      },
    });
    const smtpPort = await freePort();
    await new Promise<void>((resolve) => smtp.listen(smtpPort, '127.0.0.1', () => resolve()));

    try {
      const [row] = await runInTenant(ws.id, ({ db }) =>
        db
          .insert(outbox)
          .values({
            tenantId: ws.id,
            kind: 'email',
            payload: { to: slowTo, subject: 'Sent during shutdown', html: '<p>Hi</p>', text: 'Hi' },
          })
          .returning(),
      );
      // Production mode on a noeviction Redis (the server's default): the policy check passes. The worker's
      // first sweep enqueues the pending row.
      const worker = spawnWorker({
        NODE_ENV: 'production',
        REDIS_URL: redis.url,
        SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      });
      started.push(worker);
      await within(started$, 60_000, 'the worker starting to send the mail');
      expect(worker.output()).toContain('processing jobs on Redis');

      worker.child.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 1500));
      // Still running: it waits for the send in progress instead of dropping it.
      expect(worker.child.exitCode).toBeNull();
      expect(worker.output()).toContain('SIGTERM: finishing current jobs');
      // (The row is not read here: on the embedded database the worker's open transaction would hold the read.)
      expect(received).toEqual([]);

      release();
      const code = await within(worker.exited, 40_000, 'the worker exiting after SIGTERM');
      expect(code, worker.output()).toBe(0);
      expect(received).toEqual([slowTo]);
      const [after] = await runInTenant(ws.id, ({ db }) => db.select().from(outbox).where(eq(outbox.id, row!.id)));
      expect(after).toMatchObject({ status: 'done', attempts: 1 });
    } finally {
      release();
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    }
  }, 120_000);
});

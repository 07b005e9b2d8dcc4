import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { Redis } from 'ioredis';

/**
 * A throw-away redis-server of the test's own, on a free port: tests may stop, restart and reconfigure it
 * without touching the Redis other suites share. No persistence, so a restart comes back empty, the way
 * a Redis that lost its data does.
 */
export const redisServerBinary: string | null = (() => {
  const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() || null : null;
})();

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port')),
      );
    });
  });
}

async function waitForPing(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const redis = new Redis(url, {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      connectTimeout: 500,
      retryStrategy: () => null,
    });
    redis.on('error', () => undefined);
    try {
      await redis.connect();
      if ((await redis.ping()) === 'PONG') return;
    } catch {
      if (Date.now() > deadline) throw new Error(`redis-server at ${url} did not answer within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 100));
    } finally {
      redis.disconnect();
    }
  }
}

/** `port`: a port chosen earlier, e.g. one the app was pointed at while nothing listened there yet. */
export async function startRedisServer(options: { maxmemoryPolicy?: string; port?: number } = {}) {
  if (!redisServerBinary) throw new Error('redis-server is not installed (apt-get install redis-server).');
  const port = options.port ?? (await freePort());
  const url = `redis://127.0.0.1:${port}`;
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--logfile', ''];
  if (options.maxmemoryPolicy) args.push('--maxmemory-policy', options.maxmemoryPolicy);
  let child: ChildProcess | null = null;

  const start = async () => {
    child = spawn(redisServerBinary!, args, { stdio: 'ignore' });
    await waitForPing(url, 10_000);
  };
  /** SIGKILL: a crash, not a shutdown; with no persistence the data is gone. */
  const kill = async () => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill('SIGKILL');
    });
  };

  await start();
  return { url, port, kill, restart: start, stop: kill };
}

export type TestRedisServer = Awaited<ReturnType<typeof startRedisServer>>;

import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { buildServerEntry, webNodeFlags } from '../../scripts/server-entry';
import { WEB_HEAP_DEFAULT_MIB } from '../../lib/constants/web-process';
import { onCleanup } from './cleanup';

// The production server, as deployed: scripts/serve-web.ts compiled and run on plain Node with its heap bound
// (what `npm start` and the Docker image run: Next's handler behind our own Node server, which stamps each
// request with its socket address), in a process group of its own so stopping it also stops anything it spawned.

const nextBin = path.resolve('node_modules/.bin/next');

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

function stopGroup(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const force = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }, 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      clearTimeout(force);
      resolve();
    }
  });
}

/** `next build` when there is no production build yet (or when asked), with the output shown. */
export async function ensureBuild(force: boolean, env: NodeJS.ProcessEnv) {
  if (!force && fs.existsSync(path.resolve('.next/BUILD_ID'))) return { built: false, seconds: 0 };
  console.log('[bench] no production build: running `next build` (a few minutes, once)…');
  const started = Date.now();
  const child = spawn(nextBin, ['build'], {
    stdio: 'inherit',
    detached: true,
    env: { ...env, NODE_ENV: 'production' },
  });
  const remove = onCleanup('next build', () => stopGroup(child));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  remove();
  if (code !== 0)
    throw new Error(
      `next build failed (exit ${code}); fix the build, or run \`npm run build\` and look at its output.`,
    );
  return { built: true, seconds: (Date.now() - started) / 1000 };
}

/** `pid` leads the server's process group (it was spawned detached): the bench reads the group's memory. */
export type WebServer = { url: string; pid: number; stop: () => Promise<void> };

export async function startWebServer(env: NodeJS.ProcessEnv, port: number): Promise<WebServer> {
  const url = `http://127.0.0.1:${port}`;
  // As scripts/start.ts runs it in production: the compiled entry (rebuilt from the source now), its heap bound.
  const entry = await buildServerEntry();
  const heapMib = Number(env.WEB_HEAP_MIB) || WEB_HEAP_DEFAULT_MIB;
  const child = spawn(process.execPath, [...webNodeFlags(heapMib), entry, '--port', String(port)], {
    cwd: path.resolve('.'),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
    env: { ...env, NODE_ENV: 'production', PORT: String(port), APP_URL: url, START_WORKER: 'false' },
  });
  // Kept for the error message should the server fail; the bench's own output stays readable.
  const log: string[] = [];
  const keep = (chunk: Buffer) => {
    log.push(chunk.toString());
    if (log.length > 200) log.shift();
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const stop = async () => stopGroup(child);
  onCleanup('web server', stop);

  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      // Any answer means it listens; health may say 503 for a missing Redis, which the bench does not need.
      await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5_000) });
      return { url, pid: child.pid!, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  await stop();
  throw new Error(`The web server did not answer on ${url} within a minute. Its output:\n${log.join('')}`);
}

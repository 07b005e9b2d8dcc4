import { spawn } from 'node:child_process';
import path from 'node:path';
import { onCleanup } from './cleanup';

/**
 * `npm run worker` as production runs it, in a process of its own beside the bench (and the web server):
 * resolves `ready` once it takes jobs; `stop` ends it gracefully (its jobs in flight finish first).
 */
export function startBenchWorker(env: NodeJS.ProcessEnv) {
  // node with tsx's loader, as tests/helpers/worker-process.ts does: one process to stop, no grandchild.
  const child = spawn(process.execPath, ['--import', 'tsx', 'jobs/worker.ts'], {
    cwd: path.resolve('.'),
    // LOG_LEVEL info: its pino start-up line ("processing jobs on …") is how the bench knows it takes jobs.
    env: { ...env, NODE_ENV: 'production', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output = (output + c.toString()).slice(-20_000)));
  child.stderr!.on('data', (c: Buffer) => (output = (output + c.toString()).slice(-20_000)));
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 30_000).unref();
    });
  onCleanup('worker', stop);
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The worker did not start within 60 s:\n${output}`)), 60_000);
    child.stdout!.on('data', () => {
      if (!output.includes('processing jobs on')) return;
      clearTimeout(timer);
      resolve();
    });
    child.once('exit', (code) => reject(new Error(`The worker exited (${code}):\n${output}`)));
  });
  return { ready, stop, output: () => output };
}

import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

export type WorkerProcess = {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

/**
 * `npm run worker` as a real child process, on this test run's database and the given Redis: a test can
 * SIGKILL it at any moment, which no in-process worker allows. Resolves once it is taking jobs.
 */
export async function startWorkerProcess(redisUrl: string, timeoutMs = 60_000): Promise<WorkerProcess> {
  // node with tsx's loader, not the tsx CLI: the CLI runs the script in a grandchild, which a SIGKILL of
  // the CLI would leave running.
  const child = spawn(process.execPath, ['--import', 'tsx', 'jobs/worker.ts'], {
    cwd: root,
    // LOG_LEVEL info: the start-up line below is how the test knows it is taking jobs.
    env: { ...process.env, REDIS_URL: redisUrl, NODE_ENV: 'test', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`The worker did not start within ${timeoutMs} ms:\n${output}`)),
      timeoutMs,
    );
    const check = () => {
      if (!output.includes('processing jobs on')) return;
      clearTimeout(timer);
      child.stdout!.off('data', check);
      resolve();
    };
    child.stdout!.on('data', check);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`The worker exited (${code ?? signal}) before taking jobs:\n${output}`));
    });
  });
  return { child, output: () => output, exited };
}

/** Stops a worker that is still running (SIGTERM: it finishes current jobs), and waits for it. */
export async function stopWorkerProcess(worker: WorkerProcess | undefined) {
  if (!worker || worker.child.exitCode !== null || worker.child.signalCode !== null) return;
  worker.child.kill('SIGTERM');
  await worker.exited;
}

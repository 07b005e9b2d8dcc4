import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Resident memory of a process and everything it started (the web server may start helpers of its own), in MiB,
 * from `ps`: the web process's footprint as the machine sees it, not V8's own view of its heap.
 */
export async function groupRssMiB(pid: number): Promise<number | null> {
  try {
    const { stdout } = await run('ps', ['-eo', 'pid=,pgid=,rss=']);
    let kib = 0;
    for (const line of stdout.trim().split('\n')) {
      const [, pgid, rss] = line.trim().split(/\s+/).map(Number);
      if (pgid === pid) kib += rss ?? 0;
    }
    return kib ? Math.round((kib / 1024) * 10) / 10 : null;
  } catch {
    return null;
  }
}

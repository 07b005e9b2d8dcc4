import fs from 'node:fs';

/** Resident memory of every process in a process group (the web server and anything it forked), in MiB. */
export function groupRssMiB(pgid: number): number {
  let kib = 0;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // /proc/<pid>/stat: "pid (comm) state ppid pgrp …"; comm may hold spaces, so split after its ')'.
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]) !== pgid) continue;
      const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${entry}/status`, 'utf8'));
      kib += match ? Number(match[1]) : 0;
    } catch {
      // the process ended between listing and reading
    }
  }
  return kib / 1024;
}

/** Least-squares slope of (minutes, MiB) samples: how fast memory grows, in MiB per minute. */
export function slopePerMinute(samples: Array<{ atMs: number; mib: number }>): number {
  if (samples.length < 2) return NaN;
  const xs = samples.map((s) => s.atMs / 60_000);
  const meanX = xs.reduce((a, b) => a + b, 0) / xs.length;
  const meanY = samples.reduce((a, s) => a + s.mib, 0) / samples.length;
  let num = 0;
  let den = 0;
  xs.forEach((x, i) => {
    num += (x - meanX) * (samples[i]!.mib - meanY);
    den += (x - meanX) ** 2;
  });
  return den ? num / den : NaN;
}

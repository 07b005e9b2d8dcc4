import type { HelpRow, JudgedThroughput, MemoryRow, Row } from './report';
import { TARGETS } from './report';

// A missed target is printed with how far off it is and what comes next for it (the speed issue asks for
// both), so a reader of one run knows the size of the gap and the plan without digging through the README.

/** One target missed in this run: its worst figure, the gap, and the plan. */
export type Shortfall = { target: string; missedOn: string; worst: string; gap: string; plan: string };

const fmt = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(Math.abs(v) >= 10 ? 1 : 2));

/** A figure that must reach `target` or more. */
export function shortBelow(measured: number, target: number, unit: string) {
  const times = measured > 0 ? `×${(target / measured).toFixed(1)} needed` : 'nothing measured';
  return `${fmt(target - measured)}${unit} short (${fmt(measured)} of ${fmt(target)}${unit}, ${times})`;
}

/** A figure that must stay at `limit` or under. */
export function overLimit(measured: number, limit: number, unit: string) {
  const cut = ((measured - limit) / measured) * 100;
  return `${fmt(measured - limit)}${unit} over (${fmt(measured)} against ≤ ${fmt(limit)}${unit}: ${cut.toFixed(0)}% to cut)`;
}

/** What comes next for each target, from what the profiles of the runs so far showed. */
export const PLANS = {
  viewP95:
    'The list reads are 4–6 ms on a quiet machine; a miss here is the machine being busy (see the load average). Rerun quiet before changing code.',
  searchP95:
    'Search is bounded by the candidate rows it scores; cap the candidates per query (as help search does) if a word matches most tickets.',
  helpSearchP95:
    'The typo fallback scores every article that passes the trigram test; correct misspelt words against a per-workspace word list first.',
  ratio:
    'tRPC is answered before Next’s router since 7 December (an unauthenticated call: 5–6 ms through it, 1.3–1.5 ms before it). Left per signed-in call: the session row check (a round trip), the Request and AbortSignal built per call, the context. Next: an abort signal only for subscriptions, and session liveness kept per process from sign-out notifications (LISTEN; not on the embedded database, where NOTIFY does not reach LISTEN).',
  createHttp:
    'A create is 8 statements, one of them the whole write; the gapless ticket number keeps the workspace counter row locked from that statement to the commit, so creates in one workspace queue for it. Next: write the counter last (deferrable foreign keys, so children go in first), BEGIN + settings in one round trip, group commit (commit_delay) measured on this server; numbers with gaps (a sequence) would remove the queue and are a product decision.',
  createDirect:
    'Same queue as through HTTP: the counter lock spans the write and the commit. See the create plan above; pgbench TPC-B has no such serial point, so 40% needs the lock to cover only the counter update and the commit.',
  webRss:
    'The web process is Next’s server with one copy of the services (the tRPC route is taken from Next’s build). Next: cap V8’s old generation (--max-old-space-size) in scripts/start.ts, the Dockerfile and the bench once a run shows it costs no latency, and find what the remaining growth under load is (heap snapshots before and after).',
} as const;

type Gap = { measured: number; where: string };

function worstOf<T>(rows: T[], measuredOf: (row: T) => number, whereOf: (row: T) => string, higherIsWorse: boolean) {
  return rows.reduce<Gap | null>((worst, row) => {
    const measured = measuredOf(row);
    if (!worst) return { measured, where: whereOf(row) };
    return (higherIsWorse ? measured > worst.measured : measured < worst.measured)
      ? { measured, where: whereOf(row) }
      : worst;
  }, null);
}

/** Every target this run missed, grouped by target: on how many rows, the worst gap, and the plan. */
export function shortfalls(input: {
  rows: Row[];
  helpRows: HelpRow[];
  throughput: JudgedThroughput[];
  memory: MemoryRow;
}): Shortfall[] {
  const out: Shortfall[] = [];
  const where = (r: { workspace: string; label: string }) => `${r.workspace}: ${r.label}`;
  const judged = input.rows.filter((r) => r.target !== 'informational');

  const ratioMissed = judged.filter((r) => r.ratio > TARGETS.maxRatio);
  const ratioWorst = worstOf(ratioMissed, (r) => r.ratio, where, true);
  if (ratioWorst)
    out.push({
      target: `HTTP/direct p50 ratio ≤ ${TARGETS.maxRatio} (ticket views)`,
      missedOn: `${ratioMissed.length} of ${judged.length} rows`,
      worst: ratioWorst.where,
      gap: overLimit(ratioWorst.measured, TARGETS.maxRatio, ''),
      plan: PLANS.ratio,
    });

  const p95Checks = [
    { kind: 'view-first', limit: TARGETS.viewFirstPageP95Ms, plan: PLANS.viewP95, name: 'ticket view first page' },
    { kind: 'search', limit: TARGETS.searchP95Ms, plan: PLANS.searchP95, name: 'ticket search' },
  ] as const;
  for (const check of p95Checks) {
    const judgedRows = judged.filter((r) => r.kind === check.kind && r.target.includes('p95'));
    const missed = judgedRows.filter((r) => r.direct.p95 > check.limit);
    const worst = worstOf(missed, (r) => r.direct.p95, where, true);
    if (worst)
      out.push({
        target: `${check.name} p95 ≤ ${check.limit} ms server side`,
        missedOn: `${missed.length} of ${judgedRows.length} rows`,
        worst: worst.where,
        gap: overLimit(worst.measured, check.limit, ' ms'),
        plan: check.plan,
      });
  }

  const helpJudged = input.helpRows.filter((r) => r.target !== 'informational');
  const helpMissed = helpJudged.filter((r) => r.direct.p95 > TARGETS.helpSearchP95Ms);
  const helpWorst = worstOf(helpMissed, (r) => r.direct.p95, where, true);
  if (helpWorst)
    out.push({
      target: `help search p95 ≤ ${TARGETS.helpSearchP95Ms} ms server side`,
      missedOn: `${helpMissed.length} of ${helpJudged.length} rows`,
      worst: helpWorst.where,
      gap: overLimit(helpWorst.measured, TARGETS.helpSearchP95Ms, ' ms'),
      plan: PLANS.helpSearchP95,
    });

  const [http, direct] = input.throughput;
  if (http && http.ok === false)
    out.push({
      target: `ticket.create ≥ ${TARGETS.createHttpPerSecond}/s through HTTP`,
      missedOn: http.label,
      worst: `${http.perSecond}/s${http.errors ? `, ${http.errors} failed calls` : ''}`,
      gap: shortBelow(http.perSecond, TARGETS.createHttpPerSecond, '/s'),
      plan: PLANS.createHttp,
    });
  const pgbenchTps = direct?.target.match(/\((\d+(?:\.\d+)?) TPS/)?.[1];
  if (direct && direct.ok === false && pgbenchTps) {
    const needed = Number(pgbenchTps) * TARGETS.createDirectShareOfPgbench;
    out.push({
      target: `ticket.create as a service call ≥ ${TARGETS.createDirectShareOfPgbench * 100}% of pgbench TPS`,
      missedOn: direct.label,
      worst: `${direct.perSecond}/s = ${((direct.perSecond / Number(pgbenchTps)) * 100).toFixed(1)}% of ${pgbenchTps} TPS`,
      gap: shortBelow(direct.perSecond, needed, '/s'),
      plan: PLANS.createDirect,
    });
  }

  if (input.memory.ok === false && input.memory.afterMiB !== null)
    out.push({
      target: `web RSS ≤ ${TARGETS.webRssMiB} MiB`,
      missedOn: input.memory.label,
      worst: `${input.memory.beforeMiB} → ${input.memory.afterMiB} MiB`,
      gap: overLimit(input.memory.afterMiB, TARGETS.webRssMiB, ' MiB'),
      plan: PLANS.webRss,
    });
  return out;
}

export function shortfallLines(list: Shortfall[]) {
  if (!list.length) return ['Every target met.'];
  return [
    'Missed targets: by how much, and the plan',
    ...list.flatMap((s) => [
      `  ✗ ${s.target}: missed on ${s.missedOn}; worst ${s.worst}: ${s.gap}.`,
      `    plan: ${s.plan}`,
    ]),
  ];
}

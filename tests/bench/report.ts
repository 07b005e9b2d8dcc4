import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RELEVANCE_FLOORS } from '../fixtures/help-relevance';
import type { RelevanceScore } from '../helpers/help-relevance';
import type { Measured, Throughput } from './measure';
import type { PgbenchResult } from './pgbench';
import type { Summary } from './stats';

// The targets. "Server side" is the direct service call (same SQL, same transaction and RLS
// settings, no HTTP); the ratio compares p50 through the tRPC HTTP endpoint with p50 direct.
// The help-center issue adds a search target of its own; an article page is reported without one.
// The speed issue adds ticket creation (through HTTP, and the service call against pgbench on the same
// server in the same run) and the web process's memory under the bench's load.
export const TARGETS = {
  viewFirstPageP95Ms: 25,
  searchP95Ms: 50,
  maxRatio: 2,
  helpSearchP95Ms: 20,
  createHttpPerSecond: 250,
  createDirectShareOfPgbench: 0.4,
  webRssMiB: 300,
} as const;

/** A throughput figure with its target; `ok` null when it cannot be judged here (no Postgres server for pgbench). */
export type JudgedThroughput = Throughput & { target: string; ok: boolean | null };

export function judgeCreates(http: Throughput, direct: Throughput, pgbench: PgbenchResult): JudgedThroughput[] {
  const httpRow = {
    ...http,
    target: `≥ ${TARGETS.createHttpPerSecond} tickets/s`,
    ok: !http.errors && http.perSecond >= TARGETS.createHttpPerSecond,
  };
  if ('unavailable' in pgbench)
    return [
      httpRow,
      {
        ...direct,
        target: `≥ ${TARGETS.createDirectShareOfPgbench * 100}% of pgbench TPS: n/a (${pgbench.unavailable})`,
        ok: null,
      },
    ];
  const share = direct.perSecond / pgbench.tps;
  return [
    httpRow,
    {
      ...direct,
      target: `≥ ${TARGETS.createDirectShareOfPgbench * 100}% of pgbench TPS (${pgbench.tps} TPS, -c ${pgbench.clients} -j ${pgbench.threads} -T ${pgbench.seconds}, scale ${pgbench.scale}): ${(share * 100).toFixed(0)}%`,
      ok: !direct.errors && share >= TARGETS.createDirectShareOfPgbench,
    },
  ];
}

export type MemoryRow = {
  label: string;
  beforeMiB: number | null;
  afterMiB: number | null;
  target: string;
  ok: boolean | null;
};

export function judgeMemory(beforeMiB: number | null, afterMiB: number | null): MemoryRow {
  return {
    label: 'web process RSS (scripts/serve-web.ts and its children), before → after the load',
    beforeMiB,
    afterMiB,
    target: `≤ ${TARGETS.webRssMiB} MiB`,
    ok: afterMiB === null ? null : afterMiB <= TARGETS.webRssMiB,
  };
}

const mark = (ok: boolean | null) => (ok === null ? 'n/a' : ok ? '✓' : '✗');

/** A row's target and verdict for the progress lines; a row with no target gets no mark, never a ✓. */
export const verdict = (row: { target: string; ok: boolean | null }) =>
  row.target === 'informational' ? 'informational (no target)' : `${row.target} ${mark(row.ok)}`;

export type Row = Measured & { workspace: string; workspaceTickets: number; target: string; ok: boolean };

export function judge(measured: Measured, workspace: { slug: string; tickets: number }, largest: boolean): Row {
  // The floor row explains the ratios below it; it has no target of its own.
  if (measured.kind === 'baseline')
    return {
      ...measured,
      workspace: workspace.slug,
      workspaceTickets: workspace.tickets,
      target: 'informational',
      ok: true,
    };
  const checks: Array<{ text: string; ok: boolean }> = [];
  if (measured.kind === 'view-first' && largest)
    checks.push({
      text: `p95 ≤ ${TARGETS.viewFirstPageP95Ms} ms`,
      ok: measured.direct.p95 <= TARGETS.viewFirstPageP95Ms,
    });
  if (measured.kind === 'search')
    checks.push({ text: `p95 ≤ ${TARGETS.searchP95Ms} ms`, ok: measured.direct.p95 <= TARGETS.searchP95Ms });
  checks.push({ text: `ratio ≤ ${TARGETS.maxRatio}`, ok: measured.ratio <= TARGETS.maxRatio });
  return {
    ...measured,
    workspace: workspace.slug,
    workspaceTickets: workspace.tickets,
    target: checks.map((c) => c.text).join(', '),
    ok: checks.every((c) => c.ok),
  };
}

const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : '–');

export function markdownTable(
  rows: Row[],
  throughput: JudgedThroughput[],
  floor: { label: string; http: Summary },
  memory: MemoryRow,
) {
  const lines = [
    '| workspace | operation | HTTP p50 | HTTP p95 | direct p50 | direct p95 | ratio | SQL/call | target | ok? |',
    '|---|---|--:|--:|--:|--:|--:|--:|---|:-:|',
    `| – | ${floor.label} | ${ms(floor.http.p50)} | ${ms(floor.http.p95)} | – | – | – | 0 | informational |  |`,
    ...rows.map(
      (r) =>
        `| ${r.workspace} (${r.workspaceTickets.toLocaleString('en')}) | ${r.label} | ${ms(r.http.p50)} | ${ms(r.http.p95)} | ${ms(r.direct.p50)} | ${ms(r.direct.p95)} | ${r.ratio.toFixed(2)} | ${r.statementsPerCall} | ${r.target} | ${r.kind === 'baseline' ? '' : r.ok ? '✓' : '✗'} |`,
    ),
    ...throughput.map(
      (t) =>
        `| ${t.label} | ticket.create ×${t.created}, concurrency ${t.concurrency}: **${t.perSecond} tickets/s** | ${ms(t.latency.p50)} | ${ms(t.latency.p95)} | – | – | – | – | ${t.target} | ${mark(t.ok)} |`,
    ),
    `| – | ${memory.label}: **${memory.beforeMiB ?? '?'} → ${memory.afterMiB ?? '?'} MiB** | – | – | – | – | – | – | ${memory.target} | ${mark(memory.ok)} |`,
  ];
  return lines.join('\n');
}

export type HelpRow = Measured & { workspace: string; workspaceArticles: number; target: string; ok: boolean };

export function judgeHelp(measured: Measured, workspace: { slug: string; articles: number }): HelpRow {
  const base = { ...measured, workspace: workspace.slug, workspaceArticles: workspace.articles };
  // A page's HTTP side renders HTML the direct side never builds: its ratio describes, it does not judge.
  if (measured.kind !== 'help-search') return { ...base, target: 'informational', ok: true };
  const checks = [
    { text: `p95 ≤ ${TARGETS.helpSearchP95Ms} ms`, ok: measured.direct.p95 <= TARGETS.helpSearchP95Ms },
    { text: `ratio ≤ ${TARGETS.maxRatio}`, ok: measured.ratio <= TARGETS.maxRatio },
  ];
  return { ...base, target: checks.map((c) => c.text).join(', '), ok: checks.every((c) => c.ok) };
}

export type RelevanceRow = { label: string; articles: number; score: RelevanceScore };

/** The relevance set's bar (the floors tests/integration/help-relevance.test.ts holds), as a target and verdict. */
export function judgeRelevance(score: RelevanceScore) {
  return {
    target: `first ≥ ${RELEVANCE_FLOORS.first * 100}%, top three ≥ ${RELEVANCE_FLOORS.topThree * 100}%`,
    ok: score.firstShare >= RELEVANCE_FLOORS.first && score.topThreeShare >= RELEVANCE_FLOORS.topThree,
  };
}

const share = (n: number, of: number) => `${n}/${of} (${((n / of) * 100).toFixed(0)}%)`;

export function helpMarkdownTable(rows: HelpRow[], relevance: RelevanceRow[]) {
  return [
    '| workspace | operation | HTTP p50 | HTTP p95 | direct p50 | direct p95 | ratio | SQL/call | target | ok? |',
    '|---|---|--:|--:|--:|--:|--:|--:|---|:-:|',
    ...rows.map(
      (r) =>
        `| ${r.workspace} (${r.workspaceArticles.toLocaleString('en')} articles) | ${r.label} | ${ms(r.http.p50)} | ${ms(r.http.p95)} | ${ms(r.direct.p50)} | ${ms(r.direct.p95)} | ${r.ratio.toFixed(2)} | ${r.statementsPerCall} | ${r.target} | ${r.target === 'informational' ? '' : r.ok ? '✓' : '✗'} |`,
    ),
    '',
    '| relevance set (tests/fixtures/help-relevance.ts) | queries | expected article first | in the top three | target | ok? |',
    '|---|--:|--:|--:|---|:-:|',
    ...relevance.map((r) => {
      const judged = judgeRelevance(r.score);
      return `| ${r.label} (${r.articles.toLocaleString('en')} articles) | ${r.score.queries} | ${share(r.score.first, r.score.queries)} | ${share(r.score.topThree, r.score.queries)} | ${judged.target} | ${mark(judged.ok)} |`;
    }),
  ].join('\n');
}

export function machineInfo() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    platform: `${os.platform()} ${os.release()}`,
    node: process.version,
  };
}

/** 1/5/15-minute load averages: other work on the machine shows in every figure, so it is recorded beside them. */
export function loadAverage() {
  return os.loadavg().map((v) => Math.round(v * 100) / 100);
}

/** One file per run under bench-results/ (gitignored), named so a directory listing sorts by time. */
export function writeResults(profile: string, results: unknown) {
  const dir = path.resolve('bench-results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${profile}.json`);
  fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  return file;
}

import { captureSql } from './sql-capture';
import { summarize, timed, type Summary } from './stats';

export type OperationKind =
  'baseline' | 'view-first' | 'view-next' | 'counts' | 'search' | 'get' | 'help-search' | 'help-page';

export type Operation = {
  kind: OperationKind;
  label: string;
  /** Iteration i of each side; both sides get the same i, so they read the same data. */
  http: (i: number) => Promise<unknown>;
  direct: (i: number) => Promise<unknown>;
};

export type Measured = {
  kind: OperationKind;
  label: string;
  http: Summary;
  direct: Summary;
  ratio: number;
  statementsPerCall: number;
};

const MIN_ITERATIONS = 20;

/**
 * Warm-up, then HTTP and direct calls interleaved one by one, so a slow stretch of the machine (a
 * checkpoint, autovacuum) lands on both sides instead of skewing the ratio.
 */
export async function measure(
  operation: Operation,
  iterations: number,
  warmup: number,
  budgetSeconds: number,
): Promise<Measured> {
  const { statements } = await captureSql(() => operation.direct(0));
  for (let i = 0; i < warmup; i++) {
    await operation.direct(i);
    await operation.http(i);
  }
  const http: number[] = [];
  const direct: number[] = [];
  const deadline = Date.now() + budgetSeconds * 1000;
  for (let i = 0; i < iterations && (i < MIN_ITERATIONS || Date.now() < deadline); i++) {
    direct.push((await timed(() => operation.direct(warmup + i))).ms);
    http.push((await timed(() => operation.http(warmup + i))).ms);
  }
  const h = summarize(http);
  const d = summarize(direct);
  return {
    kind: operation.kind,
    label: operation.label,
    http: h,
    direct: d,
    ratio: Math.round((h.p50 / d.p50) * 100) / 100,
    statementsPerCall: statements.length,
  };
}

/** HTTP-only samples, for floors that have no direct counterpart. */
export async function measureHttpOnly(label: string, iterations: number, warmup: number, call: () => Promise<unknown>) {
  for (let i = 0; i < warmup; i++) await call();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) samples.push((await timed(call)).ms);
  return { label, http: summarize(samples) };
}

export type Throughput = {
  label: string;
  created: number;
  concurrency: number;
  seconds: number;
  perSecond: number;
  latency: Summary;
  errors: number;
};

/** `total` calls spread over `concurrency` workers that each send the next one as soon as theirs returns. */
export async function measureThroughput(
  label: string,
  total: number,
  concurrency: number,
  call: (i: number) => Promise<unknown>,
): Promise<Throughput> {
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  let firstError: unknown = null;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        try {
          latencies.push((await timed(() => call(i))).ms);
        } catch (error) {
          errors++;
          firstError ??= error;
        }
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (errors) console.error(`[bench] ${errors} of ${total} calls of "${label}" failed; the first:`, firstError);
  return {
    label,
    created: latencies.length,
    concurrency,
    seconds: Math.round(seconds * 100) / 100,
    perSecond: Math.round((latencies.length / seconds) * 10) / 10,
    latency: summarize(latencies),
    errors,
  };
}

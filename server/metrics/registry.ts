import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

type Metrics = {
  registry: Registry;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
  jobDuration: Histogram<'queue' | 'job' | 'outcome'>;
  jobWait: Histogram<'queue' | 'job'>;
  slaRecomputations: Counter;
};

function createMetrics(): Metrics {
  const registry = new Registry();
  // Process metrics: CPU, memory, event-loop lag, handles, GC.
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    // `route` is a pattern (`/api/attachments/[attachmentId]`) or a tRPC procedure path, never a raw URL:
    // ids in labels would leak data and grow the series without bound.
    httpDuration: new Histogram({
      name: 'cairn_http_request_duration_seconds',
      help: 'HTTP request latency by route pattern or tRPC procedure',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    jobDuration: new Histogram({
      name: 'cairn_job_duration_seconds',
      help: 'Time a worker spent on one attempt of a job, by outcome',
      labelNames: ['queue', 'job', 'outcome'],
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers: [registry],
    }),
    jobWait: new Histogram({
      name: 'cairn_job_wait_seconds',
      help: 'Time from a job being due to a worker starting it',
      labelNames: ['queue', 'job'],
      buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 30, 60, 300],
      registers: [registry],
    }),
    // One per ticket change (the pipeline's promise) plus the timers' and policy edits' own: a rate far above
    // the rate of ticket changes means some path recomputes more than once.
    slaRecomputations: new Counter({
      name: 'cairn_sla_recomputations_total',
      help: "Times a ticket's SLA clocks were recomputed",
      registers: [registry],
    }),
  };
}

// One registry per process, kept across Next's module reloads in development (a second one would throw
// on the duplicate metric names).
const holder = globalThis as { __cairnMetrics?: Metrics };
export const metrics: Metrics = (holder.__cairnMetrics ??= createMetrics());

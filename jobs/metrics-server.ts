import http from 'node:http';
import { componentLogger } from '@/server/log';
import { scrapeMetrics } from '@/server/metrics/scrape';

const log = componentLogger('metrics');

/**
 * The worker's own /metrics (WORKER_METRICS_PORT): job latencies live in the worker process, which the
 * web's /api/metrics cannot see. Queue depths and the outbox are shared state; both endpoints report them.
 */
export function startMetricsServer(port: number): Promise<() => Promise<void>> {
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
      res.writeHead(404).end('Not found');
      return;
    }
    scrapeMetrics(req.headers.authorization ?? null)
      .then(async (answer) => {
        res.writeHead(answer.status, Object.fromEntries(answer.headers));
        res.end(await answer.text());
      })
      .catch((error: unknown) => {
        log.error({ err: error }, 'metrics scrape failed');
        res.writeHead(500).end('Metrics could not be collected; see the worker log.');
      });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => {
      log.info({ port }, 'worker metrics at /metrics');
      resolve(() => new Promise<void>((done) => server.close(() => done())));
    });
  });
}

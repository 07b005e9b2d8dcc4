import { metrics } from './registry';

/** Records one request's latency under its route pattern; the pattern is fixed by the caller, never the URL. */
export function observeRequest(labels: { method: string; route: string; status: number }, startedAt: number) {
  metrics.httpDuration.observe(
    { method: labels.method, route: labels.route, status: String(labels.status) },
    (performance.now() - startedAt) / 1000,
  );
}

type Handler<R extends Request, A extends unknown[]> = (req: R, ...rest: A) => Promise<Response> | Response;

/** Wraps a route handler: `export const GET = withRouteMetrics('/api/attachments/[attachmentId]', handler)`. */
export function withRouteMetrics<R extends Request, A extends unknown[]>(
  route: string,
  handler: Handler<R, A>,
): (req: R, ...rest: A) => Promise<Response> {
  return async (req, ...rest) => {
    const startedAt = performance.now();
    let status = 500;
    try {
      const res = await handler(req, ...rest);
      status = res.status;
      return res;
    } finally {
      observeRequest({ method: req.method, route, status }, startedAt);
    }
  };
}

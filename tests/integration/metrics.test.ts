import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createWorkspace, type TestWorkspace } from '../helpers/factories';

// /api/metrics reads METRICS_TOKEN through lib/env.ts at import, so each case loads the route fresh with
// its own environment. The registry is per process (globalThis), so what the callers record is what the
// route serves.
const TOKEN = 'metrics-token-for-tests-0123456789';

async function loadMetricsRoute(token: string | undefined) {
  vi.resetModules();
  vi.stubEnv('METRICS_TOKEN', token);
  return import('@/app/api/metrics/route');
}

const scrape = (route: { GET: (req: Request) => Promise<Response> }, authorization?: string) =>
  route.GET(new Request('http://localhost/api/metrics', { headers: authorization ? { authorization } : {} }));

/** The value of one series in Prometheus text format, 0 when absent. */
function sample(body: string, series: string) {
  const line = body.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

describe('/api/metrics', () => {
  let ws: TestWorkspace;

  beforeAll(async () => {
    ws = await createWorkspace({ name: 'Metrics Desk' });
  });

  afterAll(() => {
    vi.unstubAllEnvs();
  });

  it('does not exist while METRICS_TOKEN is unset', async () => {
    const route = await loadMetricsRoute(undefined);
    expect((await scrape(route, `Bearer ${TOKEN}`)).status).toBe(404);
  });

  it('asks for the token without one or with a wrong one', async () => {
    const route = await loadMetricsRoute(TOKEN);
    const missing = await scrape(route);
    expect(missing.status).toBe(401);
    expect(await missing.text()).toContain('Authorization: Bearer <METRICS_TOKEN>');
    expect((await scrape(route, `Bearer ${TOKEN}x`)).status).toBe(401);
    expect((await scrape(route, TOKEN)).status).toBe(401);
  });

  it('counts a tRPC call under its procedure path, and a route handler under its pattern', async () => {
    const route = await loadMetricsRoute(TOKEN);
    const series =
      'cairn_http_request_duration_seconds_count{method="GET",route="/api/trpc/workspace.list",status="200"}';
    const before = sample(await (await scrape(route, `Bearer ${TOKEN}`)).text(), series);

    const { callerFor } = await import('../helpers/caller');
    await callerFor({ userId: ws.owner.userId }).workspace.list();
    // A refused call is counted with the status the client got.
    await expect(callerFor({}).workspace.list()).rejects.toThrow();
    const health = await import('@/app/api/health/route');
    await health.GET(new Request('http://localhost/api/health'));

    const res = await scrape(route, `Bearer ${TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const body = await res.text();
    expect(sample(body, series)).toBe(before + 1);
    expect(
      sample(
        body,
        'cairn_http_request_duration_seconds_count{method="GET",route="/api/trpc/workspace.list",status="401"}',
      ),
    ).toBeGreaterThanOrEqual(1);
    expect(body).toMatch(
      /cairn_http_request_duration_seconds_count\{method="GET",route="\/api\/health",status="(200|503)"\} \d+/,
    );
    // No raw URL, and so no id, ever becomes a label.
    expect(body).not.toContain(ws.id);
  });

  it('reports queue depths, outbox rows and lag, the pg pool and process metrics', async () => {
    const route = await loadMetricsRoute(TOKEN);
    const body = await (await scrape(route, `Bearer ${TOKEN}`)).text();
    for (const queue of ['email', 'events', 'maintenance', 'sla'])
      expect(body).toMatch(new RegExp(`cairn_queue_jobs\\{queue="${queue}",state="waiting"\\} \\d+`));
    expect(body).toMatch(/cairn_outbox_rows\{status="pending"\} \d+/);
    expect(body).toMatch(/cairn_outbox_rows\{status="failed"\} \d+/);
    expect(body).toMatch(/cairn_outbox_lag_seconds [\d.e+-]+/);
    // The app pool has served this file's queries.
    expect(sample(body, 'cairn_db_pool_connections{state="total"}')).toBeGreaterThanOrEqual(1);
    expect(body).toContain('process_cpu_user_seconds_total');
    expect(body).toContain('nodejs_eventloop_lag_seconds');
  });
});

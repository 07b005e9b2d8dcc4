import crypto from 'node:crypto';
import { env } from '@/lib/env';
import { metrics } from './registry';
import { ensureSharedStateMetrics } from './shared-state';

function tokenMatches(authorization: string | null, token: string) {
  const given = Buffer.from(authorization?.match(/^Bearer (.+)$/i)?.[1] ?? '');
  const expected = Buffer.from(token);
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

/**
 * The Prometheus scrape, for the web's /api/metrics and the worker's metrics port alike. Unset
 * METRICS_TOKEN means metrics are off and the endpoint does not exist (404); a wrong token is a 401.
 */
export async function scrapeMetrics(authorization: string | null): Promise<Response> {
  const token = env.METRICS_TOKEN;
  if (!token) return new Response('Not found', { status: 404 });
  if (!tokenMatches(authorization, token)) {
    return new Response('Send the metrics token as "Authorization: Bearer <METRICS_TOKEN>".', {
      status: 401,
      headers: { 'www-authenticate': 'Bearer realm="metrics"' },
    });
  }
  ensureSharedStateMetrics();
  return new Response(await metrics.registry.metrics(), {
    headers: { 'content-type': metrics.registry.contentType, 'cache-control': 'no-store' },
  });
}

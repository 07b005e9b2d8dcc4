import { checkHealth } from '@/server/health';
import { withRouteMetrics } from '@/server/metrics/http';

export const dynamic = 'force-dynamic';

async function handleGet() {
  const health = await checkHealth();
  return Response.json(health, { status: health.status === 'ok' ? 200 : 503 });
}

export const GET = withRouteMetrics('/api/health', handleGet);

import { scrapeMetrics } from '@/server/metrics/scrape';

export const dynamic = 'force-dynamic';

export function GET(req: Request) {
  return scrapeMetrics(req.headers.get('authorization'));
}

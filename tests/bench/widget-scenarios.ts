import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { measureThroughput, type Throughput } from './measure';
import { summarize, timed, type Summary } from './stats';

// The support widget's figures: the loader's weight, the panel's opening call (config + the page's linked
// articles) server side at the largest help center, and filing through the widget at c8 beside ticket.create.

export const WIDGET_TARGETS = { loaderGzipKiB: 10, configP95Ms: 15 } as const;
const BENCH_PATH = '/bench/widget-page';

type Target = { slug: string; tenantId: string };
export type WidgetFigures = {
  loader: { label: string; gzipBytes: number; ok: boolean; target: string };
  config: { label: string; workspace: string; linked: number; direct: Summary; ok: boolean; target: string };
  filing: Throughput & { target: string };
};

/** public/widget.js as served, gzipped the way a CDN or Next's compression would send it. */
export function measureLoader(): WidgetFigures['loader'] {
  const bytes = gzipSync(readFileSync(path.resolve(import.meta.dirname, '../../public/widget.js'))).byteLength;
  return {
    label: 'widget loader size',
    gzipBytes: bytes,
    ok: bytes <= WIDGET_TARGETS.loaderGzipKiB * 1024,
    target: `≤ ${WIDGET_TARGETS.loaderGzipKiB} KiB gzipped`,
  };
}

/** The panel's first call, as its procedure runs it (one transaction: settings, identity, articles, sender). */
export async function measureConfig(
  help: Target,
  iterations: number,
  warmup: number,
): Promise<WidgetFigures['config']> {
  const { runInTenant } = await import('../../server/db/tenant');
  const { articles, widgetSettings } = await import('../../server/db/schema');
  const { setHelpLinks } = await import('../../server/services/help/help-links');
  const { withWidget } = await import('../../server/services/widget/with-widget');
  const { getWidgetConfig } = await import('../../server/services/widget/widget-config');
  const { signWidgetUserId } = await import('../../server/services/widget/widget-identity');
  const secret = 'cws_bench_secret';
  await runInTenant(help.tenantId, async (scope) => {
    const ids = await scope.db.select({ id: articles.id }).from(articles).limit(5);
    await setHelpLinks(scope, { path: BENCH_PATH, articleIds: ids.map((a) => a.id) });
    await scope.db
      .insert(widgetSettings)
      .values({ tenantId: help.tenantId, allowedOrigins: ['https://bench.test'], secret })
      .onConflictDoUpdate({ target: widgetSettings.tenantId, set: { secret } });
  });
  const identity = { id: 'bench-user', signature: signWidgetUserId(secret, 'bench-user') };
  const call = () => withWidget(help.slug, identity, (scope) => getWidgetConfig(scope, BENCH_PATH));
  const first = await call();
  for (let i = 0; i < warmup; i++) await call();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) samples.push((await timed(call)).ms);
  const direct = summarize(samples);
  return {
    label: 'widget.config + linked articles (service call)',
    workspace: help.slug,
    linked: first.articles.length,
    direct,
    ok: direct.p95 <= WIDGET_TARGETS.configP95Ms && first.identified,
    target: `p95 ≤ ${WIDGET_TARGETS.configP95Ms} ms`,
  };
}

/** Requests filed as the widget files them (customer by email, ticket with context), 8 at a time. */
export async function measureFiling(tickets: Target, total: number, yardstick: Throughput) {
  const { withWidget } = await import('../../server/services/widget/with-widget');
  const { fileWidgetRequest } = await import('../../server/services/widget/file-widget-request');
  const { fileWidgetRequestInput } = await import('../../lib/validators/widget');
  const input = (i: number) =>
    fileWidgetRequestInput.parse({
      email: `bench-widget-${i % 20}@bench.test`,
      subject: `Bench widget request ${i}`,
      message: 'Filed through the support widget by the bench.',
      context: { pageUrl: 'https://bench.test/billing', pageTitle: 'Billing', custom: { plan: 'pro' } },
    });
  const filing = await measureThroughput(`${tickets.slug}, widget filing`, total, 8, (i) =>
    withWidget(tickets.slug, null, (scope) => fileWidgetRequest(scope, input(i), [])),
  );
  return { ...filing, target: `reported beside ticket.create (${yardstick.perSecond}/s at c${yardstick.concurrency})` };
}

export function widgetMarkdownTable(figures: WidgetFigures) {
  return [
    '| measure | figure | target | met |',
    '|---|---|---|---|',
    `| loader public/widget.js | ${(figures.loader.gzipBytes / 1024).toFixed(2)} KiB gzipped | ${figures.loader.target} | ${figures.loader.ok ? '✓' : '✗'} |`,
    `| widget.config + ${figures.config.linked} linked articles, ${figures.config.workspace} (service call) | p50 ${figures.config.direct.p50.toFixed(1)} ms, p95 ${figures.config.direct.p95.toFixed(1)} ms | ${figures.config.target} | ${figures.config.ok ? '✓' : '✗'} |`,
    `| widget filing at c${figures.filing.concurrency} (service call) | ${figures.filing.perSecond}/s, p95 ${figures.filing.latency.p95.toFixed(1)} ms | ${figures.filing.target} | – |`,
  ].join('\n');
}

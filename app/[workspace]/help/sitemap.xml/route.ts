import { env } from '@/lib/env';
import { withRouteMetrics } from '@/server/metrics/http';
import { serverCaller } from '@/server/trpc/rsc';
import { loadWorkspace } from '../../_lib/workspace';

const escapeXml = (text: string) =>
  text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);

/**
 * One sitemap per workspace: its help-center home, categories and every article an anonymous visitor
 * may read (customer-only and internal articles are left out). Cached for an hour.
 */
async function handleGet(_request: Request, { params }: { params: Promise<{ workspace: string }> }) {
  const workspace = await loadWorkspace((await params).workspace);
  if (!workspace) return new Response('Not found', { status: 404 });
  const { categories, articles } = await (
    await serverCaller(workspace.slug)
  ).help.sitemap({
    workspace: workspace.slug,
  });
  const base = new URL(`/${workspace.slug}/help`, env.APP_URL).toString();
  const urls = [
    `<url><loc>${escapeXml(base)}</loc></url>`,
    ...categories.map((c) => `<url><loc>${escapeXml(`${base}/categories/${c.slug}`)}</loc></url>`),
    ...articles.map(
      (a) =>
        `<url><loc>${escapeXml(`${base}/articles/${a.slug}`)}</loc><lastmod>${a.updatedAt.toISOString()}</lastmod></url>`,
    ),
  ];
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
  return new Response(xml, {
    headers: { 'content-type': 'application/xml; charset=utf-8', 'cache-control': 'public, max-age=3600' },
  });
}

export const GET = withRouteMetrics('/[workspace]/help/sitemap.xml', handleGet);

import { resolveClientIp } from '@/server/auth/client-ip';
import { consumeRateLimit } from '@/server/auth/rate-limit';
import { AppError } from '@/server/errors';
import { listContextualArticles } from '@/server/services/help/contextual-help';
import { isWidgetOriginAllowed } from './allowed-origins';
import { withWidget } from './with-widget';

/**
 * What the loader on a host page asks for once, after the page has loaded: how the button looks. Only an
 * allowed origin gets an answer (and the CORS header to read it); elsewhere the widget refuses to run.
 */
export async function getWidgetButton(req: Request, workspaceSlug: string) {
  await consumeRateLimit('widgetConfigPerIp', resolveClientIp(req.headers));
  const origin = req.headers.get('origin');
  if (!(await isWidgetOriginAllowed(workspaceSlug, origin)))
    throw new AppError(
      'FORBIDDEN',
      `The support widget of "${workspaceSlug}" is not allowed on ${origin ?? 'this page'}. Add the origin under Admin → Widget.`,
    );
  // The help-links dropdown asks with ?path= for the page's articles; the button alone does not.
  const path = new URL(req.url).searchParams.get('path')?.slice(0, 500) ?? null;
  const button = await withWidget(workspaceSlug, null, async (scope) => ({
    position: scope.settings.position,
    color: scope.settings.color,
    greeting: scope.settings.greeting,
    articles:
      path && scope.settings.articlesEnabled
        ? (await listContextualArticles(scope, path)).map(({ slug, title }) => ({ slug, title }))
        : [],
  }));
  return { origin: origin!, button };
}

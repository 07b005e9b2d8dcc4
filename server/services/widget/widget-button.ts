import { resolveClientIp } from '@/server/auth/client-ip';
import { consumeRateLimit } from '@/server/auth/rate-limit';
import { AppError } from '@/server/errors';
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
  const button = await withWidget(workspaceSlug, null, async ({ settings }) => ({
    position: settings.position,
    color: settings.color,
    greeting: settings.greeting,
  }));
  return { origin: origin!, button };
}

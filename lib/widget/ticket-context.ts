import type { WidgetContext } from '@/lib/validators/widget';
import { describeUserAgent } from './describe-user-agent';

/** Keys of the host's own setContext fields on a ticket, so they never collide with the panel's. */
export const CUSTOM_CONTEXT_PREFIX = 'custom.';

/** Labels of the context the panel gathers, in the order the agent's card shows them. */
export const WIDGET_CONTEXT_LABELS: Record<string, string> = {
  page_url: 'Page',
  page_title: 'Page title',
  referrer: 'Referrer',
  browser: 'Browser',
  os: 'OS',
  locale: 'Locale',
  time_zone: 'Time zone',
  screen: 'Screen',
  viewed_articles: 'Articles viewed first',
  widget_session: 'Widget session',
};

/** A ticket's context column holds flat strings: the panel's facts under fixed keys, the host's prefixed. */
export function widgetTicketContext(context: WidgetContext): Record<string, string> {
  const agent = context.userAgent ? describeUserAgent(context.userAgent) : null;
  const entries: Array<[string, string | undefined]> = [
    ['page_url', context.pageUrl],
    ['page_title', context.pageTitle],
    ['referrer', context.referrer],
    ['browser', agent?.browser],
    ['os', agent?.os],
    ['locale', context.locale],
    ['time_zone', context.timeZone],
    ['screen', context.screen],
    ['viewed_articles', context.viewedArticles.length ? context.viewedArticles.join(', ') : undefined],
    ['widget_session', context.sessionId],
    ...Object.entries(context.custom).map(([key, value]): [string, string] => [CUSTOM_CONTEXT_PREFIX + key, value]),
  ];
  return Object.fromEntries(entries.filter((entry): entry is [string, string] => Boolean(entry[1])));
}

/** The mailto: fallback's body: what the visitor wrote, then the context, so nothing typed is lost. */
export function widgetMailtoHref(
  address: string,
  request: { subject: string; message: string; context: Record<string, string> },
) {
  const lines = Object.entries(request.context).map(([key, value]) => `${WIDGET_CONTEXT_LABELS[key] ?? key}: ${value}`);
  const body = [request.message, '', '---', ...lines].join('\n');
  return `mailto:${encodeURIComponent(address).replace(/%40/g, '@')}?subject=${encodeURIComponent(request.subject)}&body=${encodeURIComponent(body)}`;
}

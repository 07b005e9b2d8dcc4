import { listContextualArticles } from '@/server/services/help/contextual-help';
import { workspaceSender } from '@/server/services/notification/sender';
import type { WidgetScope } from './with-widget';

/**
 * What the panel needs when it opens, in one call: the look, which parts are on, the support address for
 * the mailto fallback, whether the visitor's identity verified, and the articles linked to the page's path.
 */
export async function getWidgetConfig(scope: WidgetScope, path: string) {
  const { settings } = scope;
  // One after the other: both run on the call's single transaction.
  const articles = settings.articlesEnabled ? await listContextualArticles(scope, path) : [];
  const sender = await workspaceSender(scope);
  return {
    workspaceName: scope.workspace.name,
    // Public anyway (they are the panel's frame-ancestors): the panel talks only to one of these.
    allowedOrigins: settings.allowedOrigins,
    position: settings.position,
    color: settings.color,
    greeting: settings.greeting,
    parts: {
      articles: settings.articlesEnabled,
      contactForm: settings.contactFormEnabled,
      conversations: settings.conversationsEnabled,
    },
    supportEmail: sender.from.address,
    identified: Boolean(scope.visitor.verified),
    prefill: { email: scope.visitor.claimed?.email ?? null, name: scope.visitor.claimed?.name ?? null },
    articles,
  };
}

import { eq, inArray } from 'drizzle-orm';
import { env } from '@/lib/env';
import { articles, customers } from '@/server/db/schema';
import { setHelpLinks } from '@/server/services/help/help-links';
import { createTicket } from '@/server/services/ticket/create-ticket';
import type { StaffScope } from '@/server/services/types';
import { updateWidgetSettings } from './widget-settings';

/** The demo's host page (public/widget-demo.html), served by Cairn itself so the demo needs nothing else. */
export const DEMO_WIDGET_PATH = '/widget-demo.html';

/**
 * The demo workspace's widget: allowed on Cairn's own origin (where the demo host page lives), two
 * articles linked to that page, and one request filed through the widget so the agent's context card
 * shows from the first visit.
 */
export async function seedDemoWidget(scope: StaffScope) {
  await updateWidgetSettings(scope, {
    allowedOrigins: [new URL(env.APP_URL).origin],
    position: 'bottom-right',
    color: '#4f46e5',
    greeting: 'Hi! Questions about Acme? We are here.',
    articlesEnabled: true,
    contactFormEnabled: true,
    conversationsEnabled: true,
    requireVerifiedIdentity: true,
  });
  const linked = await scope.db
    .select({ id: articles.id })
    .from(articles)
    .where(inArray(articles.slug, ['change-your-plan', 'reset-your-password']));
  await setHelpLinks(scope, { path: DEMO_WIDGET_PATH, articleIds: linked.map((a) => a.id) });
  const [customer] = await scope.db
    .select({ id: customers.id })
    .from(customers)
    .where(eq(customers.email, 'jordan@example.com'));
  if (!customer) return;
  await createTicket(scope, {
    requesterId: customer.id,
    subject: 'Upgrade button does nothing on the billing page',
    body: 'I clicked "Upgrade to Pro" twice and nothing happened. Can you check?',
    channel: 'widget',
    context: {
      page_url: 'https://app.acme.test/settings/billing',
      page_title: 'Billing · Acme',
      browser: 'Firefox 133',
      os: 'Windows',
      locale: 'en-GB',
      time_zone: 'Europe/London',
      screen: '1920x1080',
      viewed_articles: 'Change your plan',
      'custom.plan': 'starter',
      'custom.accountId': 'acct_4821',
      'custom.appVersion': '4.2.0',
    },
    actor: { type: 'customer', customerId: customer.id },
  });
}

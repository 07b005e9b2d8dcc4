'use client';

import { env } from '@/lib/env';

type PostHog = typeof import('posthog-js').default;
let loading: Promise<PostHog> | null = null;

/** posthog-js, loaded on first use and only when NEXT_PUBLIC_POSTHOG_KEY is set; otherwise nothing loads. */
function posthog() {
  const key = env.NEXT_PUBLIC_POSTHOG_KEY;
  if (!key) return null;
  loading ??= import('posthog-js').then(({ default: client }) => {
    client.init(key, {
      api_host: env.NEXT_PUBLIC_POSTHOG_HOST ?? 'https://us.i.posthog.com',
      autocapture: false,
      capture_pageview: false,
      // No cookies or stored person profile unless the host identified the user.
      persistence: 'memory',
      person_profiles: 'identified_only',
    });
    return client;
  });
  return loading;
}

/**
 * One product event with the page and workspace. Properties are ids and paths only; a person is named
 * (distinct id = the host's user id) only when the host verified who they are.
 */
export function captureEvent(
  name: 'support_button_click' | 'help_link_click' | 'support_request_created' | 'help_center_usage',
  properties: { workspace: string; page: string } & Record<string, string>,
  identifiedAs?: string | null,
) {
  void posthog()
    ?.then((client) => {
      if (identifiedAs) client.identify(identifiedAs);
      client.capture(name, properties);
    })
    .catch(() => undefined);
}

import type { PostHog } from 'posthog-js';
import { env } from '@/lib/env';

/**
 * Product analytics, only when NEXT_PUBLIC_POSTHOG_KEY is set: without it posthog-js is never downloaded.
 * Loaded on the first event, then reused. Configured to collect nothing on its own (no autocapture, no page
 * views, no recordings, no cookies or storage: memory only), and each event's URL and referrer lose their
 * query string and fragment, where search terms or addresses could sit.
 */
let client: Promise<PostHog | null> | undefined;

const pathOnly = (value: unknown) => (typeof value === 'string' ? value.split(/[?#]/)[0] : value);

function load(): Promise<PostHog | null> {
  const key = env.NEXT_PUBLIC_POSTHOG_KEY;
  if (!key || typeof window === 'undefined') return Promise.resolve(null);
  client ??= import('posthog-js')
    .then(({ default: posthog }) => {
      posthog.init(key, {
        api_host: env.NEXT_PUBLIC_POSTHOG_HOST ?? 'https://us.i.posthog.com',
        autocapture: false,
        capture_pageview: false,
        capture_pageleave: false,
        disable_session_recording: true,
        persistence: 'memory',
        person_profiles: 'identified_only',
        before_send: (event) => {
          if (!event) return event;
          for (const name of ['$current_url', '$referrer', '$pathname', '$initial_referrer'])
            if (name in event.properties) event.properties[name] = pathOnly(event.properties[name]);
          return event;
        },
      });
      return posthog;
    })
    // Analytics never breaks a page: a blocked or failed download just records nothing.
    .catch(() => null);
  return client;
}

export const analyticsEnabled = () => Boolean(env.NEXT_PUBLIC_POSTHOG_KEY);

/** Sends one event when analytics is on; a no-op (nothing loaded) when it is off. */
export function captureEvent(name: string, properties: Record<string, string | number | boolean | null>) {
  if (!analyticsEnabled()) return;
  void load().then((posthog) => posthog?.capture(name, properties));
}

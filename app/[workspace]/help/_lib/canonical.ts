import 'server-only';
import { env } from '@/lib/env';

/** Absolute canonical URL on the app's own host: one address per page for search engines. */
export function canonicalUrl(workspaceSlug: string, path = '') {
  return new URL(`/${workspaceSlug}/help${path}`, env.APP_URL).toString();
}

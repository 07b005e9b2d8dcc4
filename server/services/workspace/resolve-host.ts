import { logError } from '@/server/errors';
import { findWorkspaceByDomain } from './queries';

/**
 * Host name → workspace slug for custom-domain routing. The proxy asks on every help-center request, so
 * answers (misses too) are cached in memory for a minute: a new or removed domain takes effect within
 * TTL_MS. The cache is bounded because the Host header is chosen by the client.
 */
const TTL_MS = 60_000;
const MAX_ENTRIES = 5_000;
const HOST_NAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/;

type Entry = { slug: string | null; expiresAt: number };

const cache = new Map<string, Entry>();
const inFlight = new Map<string, Promise<string | null>>();

function remember(host: string, slug: string | null) {
  if (cache.size >= MAX_ENTRIES) {
    // Maps iterate in insertion order, so the first key is the oldest entry.
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(host, { slug, expiresAt: Date.now() + TTL_MS });
}

async function lookUp(host: string): Promise<string | null> {
  try {
    const workspace = await findWorkspaceByDomain(host);
    const slug = workspace?.slug ?? null;
    remember(host, slug);
    return slug;
  } catch (error) {
    // A database hiccup must not take the help center down or be cached as "no such domain".
    logError({ where: 'resolveWorkspaceSlugByHost', host, error });
    return null;
  } finally {
    inFlight.delete(host);
  }
}

/** The slug of the workspace that owns `host` (already normalized: lower case, no port), or null. */
export function resolveWorkspaceSlugByHost(host: string): Promise<string | null> {
  if (!HOST_NAME.test(host)) return Promise.resolve(null);
  const hit = cache.get(host);
  if (hit && hit.expiresAt > Date.now()) return Promise.resolve(hit.slug);
  if (hit) cache.delete(host);
  // Concurrent requests for the same host share one query.
  let pending = inFlight.get(host);
  if (!pending) {
    pending = lookUp(host);
    inFlight.set(host, pending);
  }
  return pending;
}

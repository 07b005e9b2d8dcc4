import { eq } from 'drizzle-orm';
import { widgetSettings } from '@/server/db/schema';
import { runInTenant } from '@/server/db/tenant';
import { logError } from '@/server/errors';
import { findWorkspaceBySlug } from '@/server/services/workspace/queries';

/**
 * Workspace slug → the host origins its widget may run on. The proxy asks for every panel page (its
 * frame-ancestors) and the loader's config route for every page view of the host, so answers are cached
 * for half a minute in this process; a change made here is seen at once (forgetWidgetOrigins), one made in
 * another process within TTL_MS.
 */
const TTL_MS = 30_000;
const MAX_ENTRIES = 5_000;

type Entry = { tenantId: string | null; origins: string[]; expiresAt: number };
const cache = new Map<string, Entry>();

async function lookUp(slug: string): Promise<Entry> {
  const workspace = await findWorkspaceBySlug(slug);
  if (!workspace) return { tenantId: null, origins: [], expiresAt: Date.now() + TTL_MS };
  const [row] = await runInTenant(workspace.id, (scope) =>
    scope.db
      .select({ origins: widgetSettings.allowedOrigins })
      .from(widgetSettings)
      .where(eq(widgetSettings.tenantId, workspace.id)),
  );
  return { tenantId: workspace.id, origins: row?.origins ?? [], expiresAt: Date.now() + TTL_MS };
}

/** The allowed origins of the workspace named `slug`; none for an unknown workspace or a failed lookup. */
export async function widgetAllowedOrigins(slug: string): Promise<string[]> {
  const hit = cache.get(slug);
  if (hit && hit.expiresAt > Date.now()) return hit.origins;
  try {
    const entry = await lookUp(slug);
    if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
    cache.set(slug, entry);
    return entry.origins;
  } catch (error) {
    // Refusing to be framed is the safe answer while the database is unreachable; it is not remembered.
    logError({ where: 'widgetAllowedOrigins', error });
    return [];
  }
}

export async function isWidgetOriginAllowed(slug: string, origin: string | null) {
  return origin !== null && (await widgetAllowedOrigins(slug)).includes(origin);
}

/** Called after a settings change commits, so this process applies it to the very next request. */
export function forgetWidgetOrigins(tenantId: string) {
  for (const [slug, entry] of cache) if (entry.tenantId === tenantId) cache.delete(slug);
}

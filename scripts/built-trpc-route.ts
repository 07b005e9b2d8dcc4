import { createRequire } from 'node:module';
import path from 'node:path';

export type RouteHandler = (req: Request) => Promise<Response>;
type BuiltRoute = {
  routeModule?: { ensureUserland?: () => Promise<void>; userland?: { GET?: RouteHandler; POST?: RouteHandler } };
};

/**
 * app/api/trpc's handler as `next build` compiled it, loaded from .next through Node's require cache as Next
 * loads it: one copy of the routers, services, caches and database pool in the process, shared with the
 * pages Next renders. `routeModule.ensureUserland()` and `.userland` are Next's route-module internals (next
 * is pinned to an exact version in package.json): if their shape changes, the server stops at start with
 * the message below, and the e2e suite, which starts this server, fails.
 */
export async function builtTrpcRoute(distDir = '.next'): Promise<RouteHandler> {
  const file = path.resolve(distDir, 'server/app/api/trpc/[trpc]/route.js');
  const { routeModule } = createRequire(import.meta.url)(file) as BuiltRoute;
  const changed = `Next's built route module (${file}) no longer has the shape scripts/built-trpc-route.ts expects: re-read it after upgrading next.`;
  if (typeof routeModule?.ensureUserland !== 'function') throw new Error(changed);
  await routeModule.ensureUserland();
  const handler = routeModule.userland?.POST;
  if (typeof handler !== 'function' || handler !== routeModule.userland?.GET) throw new Error(changed);
  return handler;
}

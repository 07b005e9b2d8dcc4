import { afterAll, vi } from 'vitest';
import { env } from '@/lib/env';
import { closeDb } from '@/server/db/client';
import { closeQueues } from '@/server/queue/enqueue';

// Workers are forked with the environment global-setup.ts prepared; without it lib/env.ts would quietly
// fall back to defaults and the first query would fail far from the cause.
if (!process.env.DATABASE_URL || !process.env.SMTP_URL) {
  throw new Error(
    'Integration tests need tests/helpers/global-setup.ts: run them through `vitest --project integration`.',
  );
}

// Files share one worker and its module cache (`isolate: false`: importing the server's module graph once
// instead of once per file saves minutes per suite), so what a file changes for itself is undone after it.
afterAll(async () => {
  // Each integration file opens the app pool and, through the outbox, queue connections: close them so the
  // next file starts clean and the embedded database does not run out of connections.
  await closeQueues();
  await closeDb();
  vi.useRealTimers();
  // Files change the environment only through vi.stubEnv, so this restores all of it.
  vi.unstubAllEnvs();
  // A file that reset the modules to load them under a stubbed environment (lib/env.ts reads it at import)
  // left that graph in the cache: the next file loads a fresh one under the restored environment.
  if ((await import('@/lib/env')).env !== env) vi.resetModules();
});

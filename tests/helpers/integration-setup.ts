import { afterAll } from 'vitest';
import { closeDb } from '@/server/db/client';
import { closeQueues } from '@/server/queue/enqueue';

// Workers are forked with the environment global-setup.ts prepared; without it lib/env.ts would quietly
// fall back to defaults and the first query would fail far from the cause.
if (!process.env.DATABASE_URL || !process.env.SMTP_URL) {
  throw new Error(
    'Integration tests need tests/helpers/global-setup.ts: run them through `vitest --project integration`.',
  );
}

// Each integration file opens the app pool and, through the outbox, queue connections: close them so the
// next file starts clean and the embedded database does not run out of connections.
afterAll(async () => {
  await closeQueues();
  await closeDb();
});

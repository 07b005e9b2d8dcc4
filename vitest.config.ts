import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;

export default defineConfig({
  resolve: {
    alias: [
      // tsconfig `paths`: "@/*" → "./*". A regex so scoped packages such as @trpc/server are left alone.
      { find: /^@\//, replacement: `${root}/` },
      // Server modules mark themselves `server-only`; tests import them directly.
      { find: /^server-only$/, replacement: path.join(root, 'tests/helpers/empty.ts') },
    ],
  },
  test: {
    // next-auth imports `next/server` without an extension, which Node's ESM resolver refuses; inlined, Vite
    // resolves it. Needed by the tests that call route handlers (tests/security) through the real auth().
    server: { deps: { inline: ['next-auth'] } },
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          // tests/security: one file per hole of the outside attack (issue 9); they need the database too.
          include: ['tests/integration/**/*.test.ts', 'tests/security/**/*.test.ts'],
          environment: 'node',
          // Starts PGlite or derives <db>_test, migrates, and sets the env the workers inherit.
          globalSetup: ['tests/helpers/global-setup.ts'],
          setupFiles: ['tests/helpers/integration-setup.ts'],
          // next-auth imports `next/server` without an extension, which Node's ESM loader refuses; let Vite
          // resolve it so tests/security can call Auth.js's own route handlers.
          server: { deps: { inline: ['next-auth'] } },
          // One database, one SMTP port and one set of queues: files run one after another.
          fileParallelism: false,
          // One worker runs every file with the module graph imported once (importing it per file was a
          // third of the suite's time); tests/helpers/integration-setup.ts undoes what a file changes.
          isolate: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { PostgresQueueBackend, Worker } from 'bullmq';
import { describe, expect, it } from 'vitest';

// Two places reach into a dependency's internals because no public option covers them:
// - server/db/pglite-batch-pinning.ts replaces pglite-socket's QueryQueueManager.processQueue (and wraps
//   clearQueueForHandler) so extended-protocol batches of two clients cannot interleave;
// - server/queue/connection.ts shadows BullMQ's PostgresQueueBackend.maximumBlockTimeout on the embedded
//   database, where NOTIFY never reaches LISTEN.
// Both packages are pinned to an exact version, and the code the patches rely on is hashed here as it was
// when they were written. A failure means the upstream code changed: re-read it, re-check the patch (and
// the comment beside it), then record the new hash and version.

const sha256 = (source: string) => createHash('sha256').update(source).digest('hex');
const root = path.resolve(import.meta.dirname, '../..');
const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string };
const declared = (
  JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  }
).dependencies;
const getter = (proto: object, name: string) => Object.getOwnPropertyDescriptor(proto, name)?.get?.toString() ?? '';

const patched = [
  {
    pkg: '@electric-sql/pglite-socket',
    version: '0.2.17',
    recheck: 'server/db/pglite-batch-pinning.ts (processQueue, clearQueueForHandler, the queue fields it reads)',
    sources: () => {
      // The constructor only stores the database: nothing starts, nothing connects.
      const server = new PGLiteSocketServer({ db: {} as ConstructorParameters<typeof PGLiteSocketServer>[0]['db'] });
      const manager = (server as unknown as { queryQueue: object }).queryQueue;
      return { QueryQueueManager: manager.constructor.toString() };
    },
    hashes: { QueryQueueManager: '9d931bd73415851484731aedea8d36bdf599ea89b4dbf0e2522985be99bfcc61' },
  },
  {
    pkg: 'bullmq',
    version: '6.7.0',
    recheck: 'server/queue/connection.ts (embeddedPostgresBackend: the maximumBlockTimeout the Worker reads)',
    sources: () => ({
      'PostgresQueueBackend.maximumBlockTimeout': getter(PostgresQueueBackend.prototype, 'maximumBlockTimeout'),
      'Worker.maximumBlockTimeout': getter(Worker.prototype, 'maximumBlockTimeout'),
      'Worker.getBlockTimeout': String(
        (Worker.prototype as unknown as { getBlockTimeout: () => number }).getBlockTimeout,
      ),
    }),
    hashes: {
      'PostgresQueueBackend.maximumBlockTimeout': '8fd8a8e05494fdc3903b090694e89ff8366f6c3fdb8c1f9cb61b2e16549a4fdc',
      'Worker.maximumBlockTimeout': 'f7bdd06086ae02a3d25832e631ba4480e76d00a986a550c63c8d15ad8aa3a850',
      'Worker.getBlockTimeout': 'fa9382a801df17fc22c38137fd82409e2db49b2860eb0c3d5e355ff37c63d2d1',
    },
  },
];

describe('dependencies patched at runtime', () => {
  for (const { pkg, version, recheck, sources, hashes } of patched) {
    describe(pkg, () => {
      it(`is pinned to exactly ${version} in package.json and installed at that version`, () => {
        expect(declared[pkg], `${pkg} must be pinned exactly: ${recheck} patches its internals`).toBe(version);
        const installed = readJson(path.join(root, 'node_modules', pkg, 'package.json')).version;
        expect(installed, `node_modules has ${pkg} ${installed}; run npm ci`).toBe(version);
      });

      it('still has the code the patch was written against', () => {
        const actual = Object.fromEntries(Object.entries(sources()).map(([name, src]) => [name, sha256(src)]));
        expect(
          actual,
          `${pkg}'s patched code changed: re-check ${recheck} against the new source, then update the hashes here`,
        ).toEqual(hashes);
      });
    });
  }
});

import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { attachments, ticketMessages, tickets } from '@/server/db/schema';
import { runInTenant } from '@/server/db/tenant';
import { createTestCustomer, createWorkspace, type TestWorkspace } from '../../helpers/factories';

// The attachment store runs out of space. The store is a real, small tmpfs mounted for this file and
// handed to the app through CAIRN_DATA_DIR (its only configuration), then filled to the last byte: the
// real storage code meets a real ENOSPC. The upload must answer 507 with a message saying what happened,
// leave no partial file and no row behind, and every file stored before must still be served.

const mountPoint = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-full-store-'));

/** Mounting needs root (or CAP_SYS_ADMIN); the reason is printed when the case cannot run here. */
function mountSmallStore(): string | null {
  if (process.platform !== 'linux') return `mounting a tmpfs needs Linux (this is ${process.platform})`;
  if (process.getuid?.() !== 0)
    return 'mounting a tmpfs needs root; run the suite as root (CI containers are) to include it';
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=256k,mode=0700', 'tmpfs', mountPoint], {
    encoding: 'utf8',
  });
  return mounted.status === 0
    ? null
    : `mount -t tmpfs failed here: ${(mounted.stderr || mounted.error?.message || '').trim()}`;
}
const skipReason = mountSmallStore();
if (skipReason) console.warn(`[faults] attachment store full — SKIPPED: ${skipReason}`);

/** Every file under the store, as `xx/<key>` paths relative to the attachments folder. */
function storedFiles() {
  const dir = path.join(mountPoint, 'attachments');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

/** Appends to a filler file until the disk refuses: ENOSPC is the only way out, bounded in count. */
function fillTheStore() {
  const filler = path.join(mountPoint, 'filler');
  const chunk = Buffer.alloc(4096, 1);
  for (let i = 0; i < 1024; i++) {
    try {
      fs.appendFileSync(filler, chunk);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOSPC') return filler;
      throw error;
    }
  }
  throw new Error('The 256 KiB store took 4 MiB without ENOSPC: the mount is not the small tmpfs this test needs.');
}

async function loadApp() {
  vi.resetModules();
  vi.stubEnv('CAIRN_DATA_DIR', mountPoint);
  const [storage, upload, access, identity, errors, portal] = await Promise.all([
    import('@/server/storage/local-disk'),
    import('@/server/services/ticket/upload-attachment'),
    import('@/server/services/ticket/attachment-access'),
    import('@/server/error-response'),
    import('@/server/errors'),
    import('@/server/services/ticket/portal-tickets'),
  ]);
  return { ...storage, ...upload, ...access, ...identity, ...errors, ...portal };
}

describe.skipIf(skipReason)(
  skipReason ? `attachment store full — SKIPPED: ${skipReason}` : 'attachment store full (a 256 KiB tmpfs)',
  () => {
    let app: Awaited<ReturnType<typeof loadApp>>;
    let ws: TestWorkspace;

    beforeAll(async () => {
      app = await loadApp();
      ws = await createWorkspace({ name: 'Full Disk Desk' });
    });

    afterAll(() => {
      vi.unstubAllEnvs();
      spawnSync('umount', ['-l', mountPoint]);
      fs.rmSync(mountPoint, { recursive: true, force: true });
    });

    it('fault: attachment store full → upload answers 507, nothing half-created, earlier files intact', async () => {
      const customer = await createTestCustomer(ws.id);
      const actor = { type: 'customer' as const, customerId: customer.id };
      const asCustomer = <T>(work: Parameters<typeof runInTenant<T>>[1]) => runInTenant<T>(ws.id, work);
      const customerRow = { id: customer.id, name: customer.name };

      // Before: a ticket with a file, stored while there is room.
      const earlierBytes = new TextEncoder().encode('Serial number: CX-2231\n'.repeat(20));
      const earlier = await asCustomer((scope) =>
        app.uploadAttachment(scope, { filename: 'serial.txt', bytes: earlierBytes, actor }),
      );
      const ticket = await asCustomer((scope) =>
        app.createTicketAsCustomer(scope, customerRow, {
          subject: 'Printer jams',
          body: 'Serial attached.',
          attachmentIds: [earlier.id],
        }),
      );
      const before = { files: storedFiles(), rows: await asCustomer(({ db }) => db.select().from(attachments)) };
      expect(before.files).toHaveLength(1);

      const filler = fillTheStore();

      // The portal's reply with a file: the upload first, then the reply naming it. The upload fails …
      const bigger = new TextEncoder().encode('log line\n'.repeat(4000));
      const failure = await asCustomer((scope) =>
        app.uploadAttachment(scope, { filename: 'printer.log', bytes: bigger, actor }),
      ).then(
        () => null,
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(app.AppError);
      expect(failure).toMatchObject({ code: 'INSUFFICIENT_STORAGE', message: app.STORE_FULL_MESSAGE });
      // … and the route answers as app/api/attachments does: 507 with a message saying what to do.
      const response = app.errorResponse(failure);
      expect(response.status).toBe(507);
      expect(((await response.json()) as { error: string }).error).toMatch(/attachment store is full.*Try again later/);

      // Nothing half-created: no partial file, no attachment row, no message; the earlier file is untouched.
      expect(storedFiles()).toEqual(before.files);
      expect(await asCustomer(({ db }) => db.select().from(attachments))).toEqual(before.rows);
      expect(await asCustomer(({ db }) => db.select({ id: ticketMessages.id }).from(ticketMessages))).toHaveLength(1);
      const served = await asCustomer((scope) => app.readAttachment(scope, earlier.id, actor));
      expect(crypto.createHash('sha256').update(served.bytes).digest('hex')).toBe(
        crypto.createHash('sha256').update(earlierBytes).digest('hex'),
      );

      // Space comes back (an admin cleans up): the same upload and the reply go through, no restart needed.
      fs.rmSync(filler);
      const retried = await asCustomer((scope) =>
        app.uploadAttachment(scope, { filename: 'printer.log', bytes: bigger, actor }),
      );
      await asCustomer((scope) =>
        app.replyAsCustomer(scope, customerRow, {
          ticketId: ticket.id,
          body: 'Log attached.',
          attachmentIds: [retried.id],
        }),
      );
      expect(storedFiles()).toHaveLength(2);
      expect(await asCustomer(({ db }) => db.select({ id: tickets.id }).from(tickets))).toEqual([{ id: ticket.id }]);
      expect(await asCustomer(({ db }) => db.select({ id: ticketMessages.id }).from(ticketMessages))).toHaveLength(2);
    });
  },
);

import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { outbox } from '@/server/db/schema';
import { runInTenant } from '@/server/db/tenant';
import type { Caller } from './caller';
import { uniqueEmail, type TestWorkspace } from './factories';

// The Admin → Jobs cases of tests/integration/cross-workspace.test.ts, kept here so that file only spreads
// them in. A's owner tries every job procedure against workspace B's failed work.

type Side = { ws: TestWorkspace };
type Case = { kind: 'takes-id' | 'scoped' | 'tenant-independent' | 'portal'; why: string; run: () => Promise<void> };

/** An email that used up its retries, as the worker leaves it. */
export async function createTestFailedJob(workspaceId: string, opts: { to?: string; subject?: string } = {}) {
  const to = opts.to ?? uniqueEmail('bounced');
  const [row] = await runInTenant(workspaceId, ({ db }) =>
    db
      .insert(outbox)
      .values({
        tenantId: workspaceId,
        kind: 'email',
        payload: { to, subject: opts.subject ?? 'Your ticket was updated', html: '<p>Hi</p>', text: 'Hi' },
        status: 'failed',
        attempts: 5,
        lastError: 'Error: Mailbox temporarily unavailable',
      })
      .returning(),
  );
  return row!;
}

const rowIn = async (workspaceId: string, id: string) =>
  (await runInTenant(workspaceId, ({ db }) => db.select().from(outbox).where(eq(outbox.id, id))))[0];

export function jobIsolationCases(sides: () => { A: Side; B: Side; asA: Caller }): Record<string, Case> {
  const notFound = (call: Promise<unknown>) => expect(call).rejects.toMatchObject({ code: 'NOT_FOUND' });
  return {
    'job.listFailed': {
      kind: 'scoped',
      why: "lists A's failed work only",
      run: async () => {
        const { A, B, asA } = sides();
        const mine = await createTestFailedJob(A.ws.id);
        const theirs = await createTestFailedJob(B.ws.id);
        const ids = (await asA.job.listFailed({ limit: 100 })).items.map((j) => j.id);
        expect(ids).toContain(mine.id);
        expect(ids).not.toContain(theirs.id);
      },
    },
    'job.retry': {
      kind: 'takes-id',
      why: "B's failed job id answers NOT_FOUND and the row stays failed",
      run: async () => {
        const { A, B, asA } = sides();
        const theirs = await createTestFailedJob(B.ws.id);
        await notFound(asA.job.retry({ jobId: theirs.id }));
        expect(await rowIn(B.ws.id, theirs.id)).toEqual(theirs);
        const mine = await createTestFailedJob(A.ws.id);
        await expect(asA.job.retry({ jobId: mine.id })).resolves.toEqual({ retried: 1 });
        expect((await rowIn(A.ws.id, mine.id))?.status).toBe('pending');
      },
    },
    'job.retryAll': {
      kind: 'scoped',
      why: "retries A's failed work only; B's stays failed",
      run: async () => {
        const { A, B, asA } = sides();
        const mine = await createTestFailedJob(A.ws.id);
        const theirs = await createTestFailedJob(B.ws.id);
        const { retried } = await asA.job.retryAll();
        expect(retried).toBeGreaterThanOrEqual(1);
        expect((await rowIn(A.ws.id, mine.id))?.status).toBe('pending');
        expect(await rowIn(B.ws.id, theirs.id)).toEqual(theirs);
      },
    },
  };
}

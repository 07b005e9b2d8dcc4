import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { customers, privacyRequests, tenants } from '@/server/db/schema';
import { runInTenant } from '@/server/db/tenant';
import { callerFor, type Caller } from './caller';
import { createTestCustomer, type TestWorkspace } from './factories';

// The privacy cases of tests/integration/cross-workspace.test.ts, kept here so that file only spreads them
// in. A's owner tries every privacy procedure against workspace B's customers and settings.

type Side = { ws: TestWorkspace; customer: { id: string } };
type Case = { kind: 'takes-id' | 'scoped' | 'tenant-independent' | 'portal'; why: string; run: () => Promise<void> };

const requestsIn = (workspaceId: string) => runInTenant(workspaceId, ({ db }) => db.select().from(privacyRequests));
const customerIn = async (workspaceId: string, id: string) =>
  (await runInTenant(workspaceId, ({ db }) => db.select().from(customers).where(eq(customers.id, id))))[0];
const callerForOwnerOf = (side: Side) => callerFor({ userId: side.ws.owner.userId, workspaceId: side.ws.id });
const settingsOf = async (workspaceId: string) =>
  (await runInTenant(workspaceId, ({ db }) => db.select({ settings: tenants.settings }).from(tenants)))[0]?.settings;

export function privacyIsolationCases(sides: () => { A: Side; B: Side; asA: Caller }): Record<string, Case> {
  const notFound = (call: Promise<unknown>) => expect(call).rejects.toMatchObject({ code: 'NOT_FOUND' });
  return {
    'privacyRequest.list': {
      kind: 'takes-id',
      why: "B's customer ids answer NOT_FOUND; A's list shows A's requests only",
      run: async () => {
        const { A, B, asA } = sides();
        const theirs = await createTestCustomer(B.ws.id);
        await callerForOwnerOf(B).privacyRequest.export({ customerId: theirs.id });
        await notFound(asA.privacyRequest.list({ customerId: theirs.id }));
        const mine = await asA.privacyRequest.export({ customerId: A.customer.id });
        expect((await asA.privacyRequest.list({ customerId: A.customer.id })).map((r) => r.id)).toContain(mine.id);
      },
    },
    'privacyRequest.export': {
      kind: 'takes-id',
      why: "B's customer ids answer NOT_FOUND and no request is created in either workspace",
      run: async () => {
        const { A, B, asA } = sides();
        const theirs = await createTestCustomer(B.ws.id);
        const before = { a: await requestsIn(A.ws.id), b: await requestsIn(B.ws.id) };
        await notFound(asA.privacyRequest.export({ customerId: theirs.id }));
        expect({ a: await requestsIn(A.ws.id), b: await requestsIn(B.ws.id) }).toEqual(before);
      },
    },
    'privacyRequest.erase': {
      kind: 'takes-id',
      why: "B's customer ids answer NOT_FOUND, even with the right address, and B's customer keeps their data",
      run: async () => {
        const { A, B, asA } = sides();
        const before = {
          customer: await customerIn(B.ws.id, B.customer.id),
          a: await requestsIn(A.ws.id),
          b: await requestsIn(B.ws.id),
        };
        await notFound(asA.privacyRequest.erase({ customerId: B.customer.id, confirmEmail: before.customer!.email }));
        expect({
          customer: await customerIn(B.ws.id, B.customer.id),
          a: await requestsIn(A.ws.id),
          b: await requestsIn(B.ws.id),
        }).toEqual(before);
      },
    },
    'retentionSettings.get': {
      kind: 'scoped',
      why: "reads A's retention setting, not B's",
      run: async () => {
        const { B, asA } = sides();
        await callerForOwnerOf(B).retentionSettings.update({ purgeAttachmentsAfterDays: 7 });
        expect(await asA.retentionSettings.get()).not.toEqual({ purgeAttachmentsAfterDays: 7 });
      },
    },
    'retentionSettings.update': {
      kind: 'scoped',
      why: "changes A's retention setting only",
      run: async () => {
        const { A, B, asA } = sides();
        const bBefore = await settingsOf(B.ws.id);
        await asA.retentionSettings.update({ purgeAttachmentsAfterDays: 90 });
        expect((await settingsOf(A.ws.id))?.privacy).toEqual({ purgeAttachmentsAfterDays: 90 });
        expect(await settingsOf(B.ws.id)).toEqual(bBefore);
      },
    },
  };
}

import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { inboundChannels } from '@/server/db/schema';
import { runInTenant } from '@/server/db/tenant';
import { workspaceForInboundSecret } from '@/server/services/inbound/inbound-secret';
import { callerFor, type Caller } from './caller';
import type { TestWorkspace } from './factories';

// The inbound-mail cases of tests/integration/cross-workspace.test.ts. The secret belongs to one workspace:
// A's admin neither sees nor rotates B's, and A's secret opens only A's endpoint.

type Side = { ws: TestWorkspace };
type Case = { kind: 'takes-id' | 'scoped' | 'tenant-independent' | 'portal'; why: string; run: () => Promise<void> };

const bChannel = (b: TestWorkspace) =>
  runInTenant(b.id, ({ db }) => db.select().from(inboundChannels).where(eq(inboundChannels.tenantId, b.id)));

export function inboundIsolationCases(sides: () => { A: Side; B: Side; asA: Caller }): Record<string, Case> {
  const asB = () => callerFor({ userId: sides().B.ws.owner.userId, workspaceId: sides().B.ws.id });
  return {
    'inboundChannel.secretStatus': {
      kind: 'scoped',
      why: "reports A's secret only: B having one says nothing to A",
      run: async () => {
        const { A, asA } = sides();
        await runInTenant(A.ws.id, ({ db }) => db.delete(inboundChannels).where(eq(inboundChannels.tenantId, A.ws.id)));
        await asB().inboundChannel.rotateSecret();
        expect(await asA.inboundChannel.secretStatus()).toEqual({ configured: false, rotatedAt: null });
      },
    },
    'inboundChannel.rotateSecret': {
      kind: 'scoped',
      why: "rotates A's secret, which opens A's endpoint only; B's secret keeps working",
      run: async () => {
        const { A, B, asA } = sides();
        const { secret: bSecret } = await asB().inboundChannel.rotateSecret();
        const before = await bChannel(B.ws);
        const { secret } = await asA.inboundChannel.rotateSecret();
        expect(await workspaceForInboundSecret(A.ws.slug, secret)).toBe(A.ws.id);
        expect(await workspaceForInboundSecret(B.ws.slug, secret)).toBeNull();
        expect(await workspaceForInboundSecret(B.ws.slug, bSecret)).toBe(B.ws.id);
        expect(await bChannel(B.ws)).toEqual(before);
      },
    },
  };
}

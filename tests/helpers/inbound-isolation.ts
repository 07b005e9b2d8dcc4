import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { imapMailboxes, inboundChannels, outboundChecks } from '@/server/db/schema';
import { runInTenant } from '@/server/db/tenant';
import { workspaceForInboundSecret } from '@/server/services/inbound/inbound-secret';
import { callerFor, type Caller } from './caller';
import { inboundRow, storeFailedInbound } from './inbound-mail';
import type { TestWorkspace } from './factories';

// The inbound-mail cases of tests/integration/cross-workspace.test.ts. The secret belongs to one workspace:
// A's admin neither sees nor rotates B's, and A's secret opens only A's endpoint.

type Side = { ws: TestWorkspace };
type Case = { kind: 'takes-id' | 'scoped' | 'tenant-independent' | 'portal'; why: string; run: () => Promise<void> };

const bMailbox = (b: TestWorkspace) =>
  runInTenant(b.id, ({ db }) => db.select().from(imapMailboxes).where(eq(imapMailboxes.tenantId, b.id)));
const bImapChecks = (b: TestWorkspace) =>
  runInTenant(b.id, ({ db }) => db.select().from(outboundChecks).where(eq(outboundChecks.kind, 'imap')));

const mailboxInput = (host: string) => ({
  host,
  port: 993,
  tls: true,
  username: `desk@${host}`,
  password: `secret-of-${host}`,
  folder: 'INBOX',
  afterImport: 'flag' as const,
});

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
    'inboundChannel.mailbox': {
      kind: 'scoped',
      why: "shows A's mailbox only (never B's host or user) and never a password",
      run: async () => {
        const { A, asA } = sides();
        await runInTenant(A.ws.id, ({ db }) => db.delete(imapMailboxes).where(eq(imapMailboxes.tenantId, A.ws.id)));
        await asB().inboundChannel.saveMailbox(mailboxInput('imap.b-only.test'));
        expect(await asA.inboundChannel.mailbox()).toEqual({ configured: false });
        await asA.inboundChannel.saveMailbox(mailboxInput('imap.a-only.test'));
        const shown = JSON.stringify(await asA.inboundChannel.mailbox());
        expect(shown).toContain('imap.a-only.test');
        expect(shown).not.toContain('b-only');
        expect(shown).not.toContain('secret-of-');
      },
    },
    'inboundChannel.saveMailbox': {
      kind: 'scoped',
      why: "writes A's row only; B's mailbox, password and checkpoint stay as they were",
      run: async () => {
        const { A, B, asA } = sides();
        await asB().inboundChannel.saveMailbox(mailboxInput('imap.b-only.test'));
        const before = await bMailbox(B.ws);
        await asA.inboundChannel.saveMailbox(mailboxInput('imap.a-save.test'));
        expect(await bMailbox(B.ws)).toEqual(before);
        const [aRow] = await runInTenant(A.ws.id, ({ db }) =>
          db.select().from(imapMailboxes).where(eq(imapMailboxes.tenantId, A.ws.id)),
        );
        // Encrypted at rest, and not with B's ciphertext.
        expect(aRow!.passwordEncrypted).not.toContain('secret-of-');
        expect(aRow!.passwordEncrypted).not.toBe(before[0]!.passwordEncrypted);
      },
    },
    'inboundChannel.deleteMailbox': {
      kind: 'scoped',
      why: "removes A's mailbox only; B's keeps being read",
      run: async () => {
        const { B, asA } = sides();
        await asB().inboundChannel.saveMailbox(mailboxInput('imap.b-only.test'));
        const before = await bMailbox(B.ws);
        await asA.inboundChannel.saveMailbox(mailboxInput('imap.a-delete.test'));
        expect(await asA.inboundChannel.deleteMailbox()).toEqual({ configured: false });
        expect(await asA.inboundChannel.mailbox()).toEqual({ configured: false });
        expect(await bMailbox(B.ws)).toEqual(before);
      },
    },
    'inboundChannel.testMailbox': {
      kind: 'scoped',
      why: "tests A's saved mailbox, never B's, and starts no check in B",
      run: async () => {
        const { B, asA } = sides();
        await asB().inboundChannel.saveMailbox(mailboxInput('imap.b-only.test'));
        await asA.inboundChannel.saveMailbox(mailboxInput('imap.a-test.test'));
        const before = await bImapChecks(B.ws);
        const started = await asA.inboundChannel.testMailbox();
        expect(JSON.stringify(started)).toContain('imap.a-test.test');
        expect(JSON.stringify(started)).not.toContain('b-only');
        expect(await bImapChecks(B.ws)).toEqual(before);
      },
    },
    'inboundChannel.mailboxTestStatus': {
      kind: 'scoped',
      why: "shows A's latest mailbox check only, never B's",
      run: async () => {
        const { A, B, asA } = sides();
        await runInTenant(A.ws.id, ({ db }) => db.delete(outboundChecks).where(eq(outboundChecks.kind, 'imap')));
        await asB().inboundChannel.saveMailbox(mailboxInput('imap.b-only.test'));
        await asB().inboundChannel.testMailbox();
        expect((await bImapChecks(B.ws)).length).toBe(1);
        expect(await asA.inboundChannel.mailboxTestStatus()).toEqual({ status: 'none' });
      },
    },
    'inboundChannel.settings': {
      kind: 'scoped',
      why: "shows A's addresses and authserv-id, never B's",
      run: async () => {
        const { asA } = sides();
        await asB().inboundChannel.saveAuthservId({ authservId: 'mx.b-only.test' });
        const shown = await asA.inboundChannel.settings();
        expect(JSON.stringify(shown)).not.toContain('b-only');
      },
    },
    'inboundChannel.saveAuthservId': {
      kind: 'scoped',
      why: "sets A's trusted server only; B's stays",
      run: async () => {
        const { B, asA } = sides();
        await asB().inboundChannel.saveAuthservId({ authservId: 'mx.b-only.test' });
        const before = await bChannel(B.ws);
        await asA.inboundChannel.saveAuthservId({ authservId: 'mx.a-only.test' });
        expect(await bChannel(B.ws)).toEqual(before);
        expect((await asA.inboundChannel.settings()).authservId).toBe('mx.a-only.test');
      },
    },
    'inboundChannel.messages': {
      kind: 'scoped',
      why: "lists A's received mail only: B's unprocessed message is in no list of A's",
      run: async () => {
        const { B, asA } = sides();
        const bMessage = await storeFailedInbound(B.ws.id);
        for (const view of ['recent', 'unprocessed', 'quarantined'] as const) {
          expect((await asA.inboundChannel.messages({ view })).map((m) => m.id)).not.toContain(bMessage.id);
        }
      },
    },
    'inboundChannel.review': {
      kind: 'takes-id',
      why: "B's message id answers NOT_FOUND to A's admin and B's message stays as it was",
      run: async () => {
        const { B, asA } = sides();
        const bMessage = await storeFailedInbound(B.ws.id);
        for (const action of ['retry', 'discard'] as const) {
          await expect(asA.inboundChannel.review({ id: bMessage.id, action })).rejects.toMatchObject({
            code: 'NOT_FOUND',
          });
        }
        expect(await inboundRow(B.ws.id, bMessage.id)).toEqual(bMessage);
      },
    },
  };
}

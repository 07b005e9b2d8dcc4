import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { processOutboundCheck } from '@/jobs/processors/outbound-check';
import { mailSettings, notificationPreferences, outboundChecks, outbox, ticketMails } from '@/server/db/schema';
import { runInTenant } from '@/server/db/tenant';
import { callerFor, type Caller } from './caller';
import { addMember, createTestCustomer, uniqueSuffix, type TestMember, type TestWorkspace } from './factories';
import { failFirstCustomerMail } from './notification-mail';
import { createTestTicket } from './ticket-factories';

// The outbound-email cases of tests/integration/cross-workspace.test.ts, kept here so that file only spreads
// them in. Preferences are per member per workspace; mail settings are per workspace. A person in both
// workspaces acts from A and must never read or change what belongs to B.

type Side = { ws: TestWorkspace };
type Case = { kind: 'takes-id' | 'scoped' | 'tenant-independent' | 'portal'; why: string; run: () => Promise<void> };

export function notificationIsolationCases(sides: () => { A: Side; B: Side; asA: Caller }): Record<string, Case> {
  let built: Promise<{ both: TestMember; bHost: string }> | undefined;
  // Built on first use: a member of A and B whose B preference is off, and B's own sender and server.
  const world = () =>
    (built ??= (async () => {
      const { A, B } = sides();
      const both = await addMember(A.ws.id, 'agent');
      await addMember(B.ws.id, 'agent', { userId: both.userId });
      await callerFor({ userId: both.userId, workspaceId: B.ws.id }).notification.updatePreferences({
        preferences: [{ type: 'customer_replied', enabled: false }],
      });
      const bHost = `b-only-${uniqueSuffix()}.invalid`;
      await callerFor({ userId: B.ws.owner.userId, workspaceId: B.ws.id }).mailSettings.update({
        fromName: 'B Support',
        fromAddress: `help@${bHost}`,
        smtpUrl: `smtp://b-user:b-secret@${bHost}:2525`,
      });
      return { both, bHost };
    })());
  const inB = <T>(work: Parameters<typeof runInTenant<T>>[1]) => runInTenant(sides().B.ws.id, work);
  const bPreferences = () => inB(({ db }) => db.select().from(notificationPreferences));
  const bMailSettings = () => inB(({ db }) => db.select().from(mailSettings));
  const bChecks = () => inB(({ db }) => db.select().from(outboundChecks));
  const asBoth = async () => callerFor({ userId: (await world()).both.userId, workspaceId: sides().A.ws.id });

  return {
    'notification.preferences': {
      kind: 'scoped',
      why: "a member of both workspaces sees A's choices in A: B's switched-off notification is on here",
      run: async () => {
        const prefs = await (await asBoth()).notification.preferences();
        expect(prefs.find((p) => p.type === 'customer_replied')?.enabled).toBe(true);
      },
    },
    'notification.updatePreferences': {
      kind: 'scoped',
      why: "writes the member's choice in A only; B's rows are unchanged",
      run: async () => {
        const before = await bPreferences();
        await (
          await asBoth()
        ).notification.updatePreferences({
          preferences: [
            { type: 'customer_replied', enabled: true },
            { type: 'ticket_created', enabled: false },
          ],
        });
        expect(await bPreferences()).toEqual(before);
        expect((await bPreferences()).filter((p) => p.type === 'customer_replied' && !p.enabled)).toHaveLength(1);
      },
    },
    'notification.retryMail': {
      kind: 'takes-id',
      why: "B's failed email answers NOT_FOUND and stays failed",
      run: async () => {
        const { B } = sides();
        const customer = await createTestCustomer(B.ws.id);
        const ticket = await createTestTicket(B.ws.id, { requesterId: customer.id });
        const mailId = await failFirstCustomerMail(B.ws.id, ticket.id);
        await expect(sides().asA.notification.retryMail({ mailId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
        const [row] = await inB(({ db }) =>
          db
            .select({ status: outbox.status })
            .from(ticketMails)
            .innerJoin(outbox, eq(outbox.id, ticketMails.outboxId))
            .where(eq(ticketMails.id, mailId)),
        );
        expect(row).toEqual({ status: 'failed' });
      },
    },
    'mailSettings.get': {
      kind: 'scoped',
      why: "shows A's sender and server, never B's",
      run: async () => {
        const { bHost } = await world();
        const settings = await sides().asA.mailSettings.get();
        expect(JSON.stringify(settings)).not.toContain(bHost);
      },
    },
    'mailSettings.update': {
      kind: 'scoped',
      why: "changes A's settings only",
      run: async () => {
        const before = await bMailSettings();
        await sides().asA.mailSettings.update({
          fromName: 'A Support',
          fromAddress: `help@a-${uniqueSuffix()}.test`,
          smtpUrl: null,
        });
        expect(await bMailSettings()).toEqual(before);
      },
    },
    'mailSettings.test': {
      kind: 'scoped',
      why: "without a URL it checks A's server (or Cairn's), never the one B saved, and starts no check in B",
      run: async () => {
        const { bHost } = await world();
        const before = await bChecks();
        const started = await sides().asA.mailSettings.test({});
        expect(JSON.stringify(started)).not.toContain(bHost);
        await processOutboundCheck({ tenantId: sides().A.ws.id, kind: 'smtp' });
        expect(JSON.stringify(await sides().asA.mailSettings.testStatus())).not.toContain(bHost);
        expect(await bChecks()).toEqual(before);
      },
    },
    'mailSettings.testStatus': {
      kind: 'scoped',
      why: "shows A's latest check only, never B's",
      run: async () => {
        const { bHost } = await world();
        await callerFor({ userId: sides().B.ws.owner.userId, workspaceId: sides().B.ws.id }).mailSettings.test({});
        const status = await sides().asA.mailSettings.testStatus();
        expect(JSON.stringify(status)).not.toContain(bHost);
        expect(status.status === 'none' || status.id !== (await bChecks())[0]?.id).toBe(true);
      },
    },
  };
}

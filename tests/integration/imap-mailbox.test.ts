import fs from 'node:fs';
import path from 'node:path';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMAP_IMPORTED_FLAG } from '@/lib/constants/inbound';
import { imapMailboxes, inboundMessages } from '@/server/db/schema';
import { runInTenant } from '@/server/db/tenant';
import { processInboundMessage } from '@/server/services/inbound/process-inbound-message';
import { pollImapMailbox } from '@/server/services/inbound/poll-imap-mailbox';
import { sweepImapMailboxes } from '@/server/services/inbound/sweep-imap-mailboxes';
import { startImapIdleWatchers } from '@/server/services/inbound/imap-idle-watchers';
import { getQueue, jobId } from '@/server/queue/enqueue';
import { processOutboundCheck } from '@/jobs/processors/outbound-check';
import { callerFor } from '../helpers/caller';
import { createWorkspace, uniqueEmail, uniqueSuffix, type TestWorkspace } from '../helpers/factories';
import { dovecotMissing, startDovecot, type TestDovecot } from '../helpers/dovecot';

// Issue 11, mailbox path: a real Dovecot (tests/helpers/dovecot.ts), mail put in with IMAP APPEND, the poll the
// imap.poll job runs, then the same store-first ingest and processor as the raw-MIME path. Nothing of ours is
// mocked; the guard lets 127.0.0.1 through because the suite sets OUTBOUND_ALLOWED_HOSTS as an operator would.

const FIXTURES = path.join(import.meta.dirname, '../fixtures/mail');
const RUN = uniqueSuffix();
const offlineResolver = () => Promise.reject(Object.assign(new Error('offline'), { code: 'ENOTFOUND' }));

function newRequest(tag: string) {
  const text = fs
    .readFileSync(path.join(FIXTURES, 'new-request.eml'), 'latin1')
    .replaceAll('{{SENDER}}', uniqueEmail('imap'))
    .replaceAll('{{RUN}}', `${tag}-${RUN}`);
  return { raw: Buffer.from(text, 'latin1'), messageId: `<new-request-${tag}-${RUN}@customer.example>` };
}

let dovecot: TestDovecot;
let A: TestWorkspace;
const admin = () => callerFor({ userId: A.owner.userId, workspaceId: A.id });

function saveMailbox(overrides: { password?: string; folder?: string } = {}) {
  return admin().inboundChannel.saveMailbox({
    host: dovecot.host,
    port: dovecot.port,
    tls: false,
    username: dovecot.user,
    password: overrides.password ?? dovecot.password,
    folder: overrides.folder ?? 'INBOX',
    afterImport: 'flag',
  });
}

const storedRows = (messageIds: string[]) =>
  runInTenant(A.id, ({ db }) =>
    db.select().from(inboundMessages).where(inArray(inboundMessages.messageId, messageIds)),
  );

/** The admin clicks "Test connection"; the worker runs the check; the page reads the answer. */
async function testConnection() {
  await admin().inboundChannel.testMailbox();
  await processOutboundCheck({ tenantId: A.id, kind: 'imap' });
  return admin().inboundChannel.mailboxTestStatus();
}

describe.skipIf(dovecotMissing)(`IMAP mailbox channel${dovecotMissing ? ` (skipped: ${dovecotMissing})` : ''}`, () => {
  beforeAll(async () => {
    dovecot = await startDovecot();
    A = await createWorkspace();
  });
  afterAll(async () => {
    await dovecot?.close();
  });

  it('stores the password encrypted and never shows it', async () => {
    await saveMailbox();
    const [row] = await runInTenant(A.id, ({ db }) =>
      db.select().from(imapMailboxes).where(eq(imapMailboxes.tenantId, A.id)),
    );
    expect(row!.passwordEncrypted).not.toContain(dovecot.password);
    expect(JSON.stringify(await admin().inboundChannel.mailbox())).not.toContain(dovecot.password);
  });

  it('keeps the saved password for the same server only: another host needs it typed again (400)', async () => {
    await saveMailbox();
    const moved = admin().inboundChannel.saveMailbox({
      host: 'imap.elsewhere.test',
      port: dovecot.port,
      tls: false,
      username: dovecot.user,
      password: '',
      folder: 'INBOX',
      afterImport: 'flag',
    });
    await expect(moved).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('password again'),
    });
    expect(await admin().inboundChannel.mailbox()).toMatchObject({ host: dovecot.host });
  });

  it('refuses bad settings with what to fix (400), never a 500', async () => {
    const settings = {
      host: dovecot.host,
      port: dovecot.port,
      tls: false,
      username: dovecot.user,
      folder: 'INBOX',
      afterImport: 'flag' as const,
    };
    await expect(
      admin().inboundChannel.saveMailbox({ ...settings, host: 'imap://mail.example.com/x' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('Enter a host name') });
    await expect(admin().inboundChannel.saveMailbox({ ...settings, port: 70_000 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('between 1 and 65535'),
    });
    await expect(admin().inboundChannel.saveMailbox({ ...settings, afterImport: 'move' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('Name the folder imported mail moves to'),
    });
  });

  it('appended messages are fetched, become tickets, and are marked \\Seen and imported', async () => {
    await saveMailbox();
    const mails = ['one', 'two', 'three'].map(newRequest);
    for (const mail of mails) await dovecot.append(mail.raw);
    expect(await pollImapMailbox(A.id)).toEqual({ imported: 3, duplicates: 0 });
    const rows = await storedRows(mails.map((m) => m.messageId));
    expect(rows).toHaveLength(3);
    for (const row of rows) await processInboundMessage(A.id, row.id, { resolver: offlineResolver });
    const processed = await storedRows(mails.map((m) => m.messageId));
    expect(processed.map((r) => [r.status, r.outcome, Boolean(r.ticketId)])).toEqual(
      Array(3).fill(['processed', 'new_ticket', true]),
    );
    expect(new Set(processed.map((r) => r.ticketId)).size).toBe(3);
    for (const flags of (await dovecot.flags()).values())
      expect(flags).toEqual(expect.arrayContaining(['\\Seen', IMAP_IMPORTED_FLAG]));
    // A second poll finds nothing new.
    expect(await pollImapMailbox(A.id)).toEqual({ imported: 0, duplicates: 0 });
  });

  it('a worker restart mid-mailbox misses nothing and imports nothing twice', async () => {
    await saveMailbox();
    const first = ['r1', 'r2', 'r3', 'r4'].map(newRequest);
    for (const mail of first) await dovecot.append(mail.raw);
    const [before] = await runInTenant(A.id, ({ db }) =>
      db.select().from(imapMailboxes).where(eq(imapMailboxes.tenantId, A.id)),
    );
    expect(await pollImapMailbox(A.id)).toEqual({ imported: 4, duplicates: 0 });
    // The state a crash right after storing r1..r4 leaves: the checkpoint still at r1, r2..r4 not yet marked.
    await runInTenant(A.id, ({ db }) =>
      db
        .update(imapMailboxes)
        .set({ lastUid: before!.lastUid + 1 })
        .where(eq(imapMailboxes.tenantId, A.id)),
    );
    await dovecot.clearFlags(['\\Seen', IMAP_IMPORTED_FLAG]);
    // Meanwhile more mail arrives.
    const later = ['r5', 'r6'].map(newRequest);
    for (const mail of later) await dovecot.append(mail.raw);
    // The restarted worker polls again: r2..r4 are read again and recognised, r5 and r6 come in.
    expect(await pollImapMailbox(A.id)).toEqual({ imported: 2, duplicates: 3 });
    const rows = await storedRows([...first, ...later].map((m) => m.messageId));
    expect(rows.map((r) => r.messageId).sort()).toEqual([...first, ...later].map((m) => m.messageId).sort());
    const flags = await dovecot.flags();
    const newest = [...flags.keys()].sort((a, b) => a - b).slice(-5);
    for (const uid of newest) expect(flags.get(uid)).toEqual(expect.arrayContaining(['\\Seen', IMAP_IMPORTED_FLAG]));
    expect(rows).toHaveLength(6);
    expect(await pollImapMailbox(A.id)).toEqual({ imported: 0, duplicates: 0 });
  });

  it('IDLE: new mail is announced by the server and queues a poll at once; the poll stores it', async () => {
    await saveMailbox();
    await pollImapMailbox(A.id);
    // Each announcement resolves the next waiter: the first comes on connecting, the next on new mail.
    const heard: Array<() => void> = [];
    const nextAnnouncement = () => new Promise<void>((resolve) => heard.push(resolve));
    let announced = nextAnnouncement();
    const watchers = startImapIdleWatchers({
      refreshEveryMs: 60_000,
      onNewMail: (tenantId) => {
        if (tenantId === A.id) heard.shift()?.();
      },
    });
    try {
      await announced;
      announced = nextAnnouncement();
      await expect.poll(() => watchers.idling(A.id), { timeout: 5_000 }).toBe(true);
      const mail = newRequest('idle');
      const appendedAt = Date.now();
      await dovecot.append(mail.raw);
      await announced;
      // Well inside the 30-second poll: the server's EXISTS arrived while the connection idled.
      expect(Date.now() - appendedAt).toBeLessThan(5_000);
      expect(await pollImapMailbox(A.id)).toEqual({ imported: 1, duplicates: 0 });
      expect(await storedRows([mail.messageId])).toHaveLength(1);
    } finally {
      await watchers.stop();
    }
    expect(watchers.idling(A.id)).toBe(false);
  });

  it('the sweep queues one poll per workspace with a mailbox, never a second while one waits', async () => {
    await saveMailbox();
    await sweepImapMailboxes();
    await sweepImapMailboxes();
    const job = await getQueue('outbound').getJob(jobId('imap.poll', A.id));
    expect(job?.data).toEqual({ tenantId: A.id });
    const waiting = await getQueue('outbound').getJobs(['waiting', 'delayed', 'prioritized']);
    expect(waiting.filter((j) => j.name === 'imap.poll' && j.data.tenantId === A.id)).toHaveLength(1);
    await job!.remove();
  });

  it('a new UIDVALIDITY re-reads the folder and the duplicate check keeps it to one copy each', async () => {
    await saveMailbox();
    const count = async () => runInTenant(A.id, ({ db }) => db.$count(inboundMessages));
    const before = await count();
    await runInTenant(A.id, ({ db }) =>
      db.update(imapMailboxes).set({ uidValidity: 1, lastUid: 999_999 }).where(eq(imapMailboxes.tenantId, A.id)),
    );
    const result = await pollImapMailbox(A.id);
    expect(result).toEqual({ imported: 0, duplicates: (await dovecot.flags()).size });
    expect(await count()).toBe(before);
    const [row] = await runInTenant(A.id, ({ db }) =>
      db.select().from(imapMailboxes).where(eq(imapMailboxes.tenantId, A.id)),
    );
    expect(row!.uidValidity).not.toBe(1);
    expect(row!.lastUid).toBe(Math.max(...(await dovecot.flags()).keys()));
  });

  it('"Test connection" says it signed in and opened the folder', async () => {
    await saveMailbox();
    const status = await testConnection();
    expect(status).toMatchObject({ status: 'ok' });
    expect(status.status !== 'none' && status.message).toContain('opened "INBOX"');
  });

  it('a wrong password: the check says the login failed, and the poll records it for the admin', async () => {
    await saveMailbox({ password: 'not-the-password' });
    const status = await testConnection();
    expect(status).toMatchObject({ status: 'failed' });
    expect(status.status !== 'none' && status.message).toContain('the login failed');
    expect(await pollImapMailbox(A.id)).toMatchObject({ imported: 0, error: expect.stringContaining('login failed') });
    expect((await admin().inboundChannel.mailbox()) as { lastError: string }).toMatchObject({
      lastError: expect.stringContaining('login failed'),
    });
  });

  it('a host inside the network Cairn runs in is refused by the outbound guard, in words', async () => {
    await admin().inboundChannel.saveMailbox({
      host: '169.254.169.254',
      port: 993,
      tls: true,
      username: dovecot.user,
      password: dovecot.password,
      folder: 'INBOX',
      afterImport: 'flag',
    });
    const status = await testConnection();
    expect(status).toMatchObject({ status: 'failed' });
    expect(status.status !== 'none' && status.message).toContain('Could not find a public internet address');
    expect(await pollImapMailbox(A.id)).toMatchObject({
      imported: 0,
      error: expect.stringContaining('public internet'),
    });
  });

  it('a missing folder and a closed port are named in words', async () => {
    await saveMailbox({ folder: 'NoSuchFolder' });
    const folder = await testConnection();
    expect(folder.status !== 'none' && folder.message).toContain('The folder "NoSuchFolder" cannot be opened');
    await dovecot.close();
    const closed = await testConnection();
    expect(closed.status !== 'none' && closed.message).toContain('refused the connection');
  });
});

import pino from 'pino';
import { and, count, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { ERASED_CUSTOMER_NAME, erasedCustomerEmail, REMOVED_CONTENT } from '@/lib/constants/privacy';
import {
  attachments,
  auditLog,
  customerLoginTokens,
  customers,
  outbox,
  privacyRequests,
  ticketMessages,
  tickets,
} from '@/server/db/schema';
import { runInTenant } from '@/server/db/tenant';
import type { CustomerExport } from '@/server/services/privacy/build-customer-export';
import { eraseCustomer } from '@/server/services/privacy/erase-customer';
import { readPrivacyExport } from '@/server/services/privacy/read-privacy-export';
import { runRetention } from '@/server/services/privacy/run-retention';
import { getObject } from '@/server/storage/local-disk';
import { callerFor } from '../helpers/caller';
import { addMember, createTestCustomer, createWorkspace, type TestWorkspace } from '../helpers/factories';
import { runPrivacyJob, seedCustomerHistory, storageKeyOf, type CustomerHistory } from '../helpers/privacy-factories';
import { createTestTicket, uploadTestAttachment } from '../helpers/ticket-factories';

// Privacy requests end to end: an admin asks through tRPC, the worker's processor carries it out, and every
// claim is checked by re-reading the database and the attachment store.

let A: TestWorkspace;
let B: TestWorkspace;
let asAdmin: ReturnType<typeof callerFor>;

const inA = <T>(work: Parameters<typeof runInTenant<T>>[1]) => runInTenant(A.id, work);
const fileExists = (key: string) =>
  getObject(key).then(
    () => true,
    () => false,
  );
const auditOf = (workspaceId: string, subjectId: string) =>
  runInTenant(workspaceId, ({ db }) =>
    db.select().from(auditLog).where(eq(auditLog.subjectId, subjectId)).orderBy(auditLog.createdAt),
  );

async function exportOf(workspaceId: string, requestId: string): Promise<{ text: string; data: CustomerExport }> {
  const [request] = await runInTenant(workspaceId, ({ db }) =>
    db.select().from(privacyRequests).where(eq(privacyRequests.id, requestId)),
  );
  expect(request).toMatchObject({ status: 'done' });
  const text = (await getObject(request!.fileKey!)).toString('utf8');
  return { text, data: JSON.parse(text) };
}

beforeAll(async () => {
  A = await createWorkspace();
  B = await createWorkspace();
  asAdmin = callerFor({ userId: (await addMember(A.id, 'admin')).userId, workspaceId: A.id });
});

describe('customer data export', () => {
  let ada: CustomerHistory;
  let neighbour: CustomerHistory;
  let otherWorkspace: CustomerHistory;
  let requestId: string;

  beforeAll(async () => {
    ada = await seedCustomerHistory(A);
    neighbour = await seedCustomerHistory(A);
    otherWorkspace = await seedCustomerHistory(B);
    requestId = (await asAdmin.privacyRequest.export({ customerId: ada.customer.id })).id;
  });

  it('is pending until the worker runs, then done with a download link', async () => {
    expect(await asAdmin.privacyRequest.list({ customerId: ada.customer.id })).toEqual([
      expect.objectContaining({ id: requestId, kind: 'export', status: 'pending', downloadUrl: null }),
    ]);
    await expect(runPrivacyJob(A.id, requestId)).resolves.toMatchObject({ exported: true });
    const [listed] = await asAdmin.privacyRequest.list({ customerId: ada.customer.id });
    expect(listed).toMatchObject({ status: 'done', downloadUrl: `/api/privacy-exports/${requestId}` });
    expect(listed!.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 6 * 86_400_000);
  });

  it("contains the customer's record, tickets, own messages, public replies, files and sign-in links, but no internal note", async () => {
    const { data, text } = await exportOf(A.id, requestId);
    expect(data.customer).toMatchObject({ id: ada.customer.id, email: ada.email, name: ada.name });
    expect(data.tickets.map((t) => t.id)).toEqual([ada.ticket.id]);
    const bodies = data.tickets[0]!.messages.map((m) => m.body);
    expect(bodies).toEqual(expect.arrayContaining([expect.stringContaining(ada.word), ada.publicReply, ada.followUp]));
    expect(text).not.toContain(ada.note);
    const files = data.tickets[0]!.messages.flatMap((m) => m.attachments);
    expect(files.map((f) => f.id).sort()).toEqual([ada.customerFile.id, ada.agentFile.id].sort());
    expect(files.find((f) => f.id === ada.customerFile.id)).toMatchObject({
      filename: 'card-statement.png',
      uploadedByCustomer: true,
      downloadUrl: expect.stringContaining(`/api/attachments/${ada.customerFile.id}`),
    });
    expect(data.portal.loginLinks).toHaveLength(1);
    expect(data.mails.length).toBeGreaterThan(0);
    expect(data.auditEntries.map((e) => e.action)).toContain('customer.export_requested');
  });

  it("holds nothing of another customer of the workspace, nor of another workspace's", async () => {
    const { text } = await exportOf(A.id, requestId);
    for (const other of [neighbour, otherWorkspace]) {
      for (const secret of [
        other.email,
        other.name,
        other.word,
        other.customer.id,
        other.ticket.id,
        other.publicReply,
        other.customerFile.id,
      ])
        expect(text).not.toContain(secret);
    }
  });

  it('writes the request and its completion to the audit trail, without personal data', async () => {
    const entries = await auditOf(A.id, ada.customer.id);
    expect(entries.map((e) => e.action)).toEqual(['customer.export_requested', 'customer.exported']);
    expect(entries[1]).toMatchObject({ details: expect.objectContaining({ requestId, tickets: 1 }) });
    expect(JSON.stringify(entries)).not.toContain(ada.email);
  });

  it('a second run of the job changes nothing and writes no second file', async () => {
    const before = (await exportOf(A.id, requestId)).text;
    await expect(runPrivacyJob(A.id, requestId)).resolves.toEqual({ skipped: true });
    expect((await exportOf(A.id, requestId)).text).toBe(before);
    expect((await auditOf(A.id, ada.customer.id)).filter((e) => e.action === 'customer.exported')).toHaveLength(1);
  });

  it('the file is served to admins of the workspace only, and not once its link has expired', async () => {
    const admin = { type: 'agent' as const, userId: A.owner.userId };
    const agentId = (await addMember(A.id, 'agent')).userId;
    await expect(inA((scope) => readPrivacyExport(scope, requestId, admin))).resolves.toMatchObject({
      filename: `customer-${ada.customer.id}-export.json`,
    });
    await expect(
      inA((scope) => readPrivacyExport(scope, requestId, { type: 'agent', userId: agentId })),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      inA((scope) => readPrivacyExport(scope, requestId, { type: 'customer', customerId: ada.customer.id })),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      runInTenant(B.id, (scope) => readPrivacyExport(scope, requestId, { type: 'agent', userId: B.owner.userId })),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await inA(({ db }) =>
      db
        .update(privacyRequests)
        .set({ fileExpiresAt: new Date(Date.now() - 1000) })
        .where(eq(privacyRequests.id, requestId)),
    );
    await expect(inA((scope) => readPrivacyExport(scope, requestId, admin))).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringMatching(/expired/),
    });
    expect(await asAdmin.privacyRequest.list({ customerId: ada.customer.id })).toEqual([
      expect.objectContaining({ id: requestId, downloadUrl: null }),
    ]);
  });

  it("another workspace's customer id answers NOT_FOUND and creates no request anywhere", async () => {
    await expect(asAdmin.privacyRequest.export({ customerId: otherWorkspace.customer.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const bRequests = await runInTenant(B.id, ({ db }) => db.select().from(privacyRequests));
    const aRequests = await inA(({ db }) =>
      db.select().from(privacyRequests).where(eq(privacyRequests.customerId, otherWorkspace.customer.id)),
    );
    expect({ bRequests, aRequests }).toEqual({ bRequests: [], aRequests: [] });
  });
});

describe('customer erasure', () => {
  let ada: CustomerHistory;
  let neighbour: CustomerHistory;
  let requestId: string;
  const session = () => callerFor({ portal: { tenantId: A.id, customerId: ada.customer.id } });
  const ticketCount = async (customerId: string) =>
    (await inA(({ db }) => db.select({ n: count() }).from(tickets).where(eq(tickets.requesterId, customerId))))[0]!.n;

  beforeAll(async () => {
    ada = await seedCustomerHistory(A);
    neighbour = await seedCustomerHistory(A);
  });

  it('refuses an address that is not the customer’s with a 400 saying what to type, and changes nothing', async () => {
    await expect(
      asAdmin.privacyRequest.erase({ customerId: ada.customer.id, confirmEmail: neighbour.email }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining(ada.email),
    });
    await expect(asAdmin.privacyRequest.erase({ customerId: ada.customer.id, confirmEmail: '' })).rejects.toMatchObject(
      { code: 'BAD_REQUEST' },
    );
    const [row] = await inA(({ db }) => db.select().from(customers).where(eq(customers.id, ada.customer.id)));
    expect(row).toMatchObject({ email: ada.email, name: ada.name, erasedAt: null });
    expect(
      await inA(({ db }) => db.select().from(privacyRequests).where(eq(privacyRequests.customerId, ada.customer.id))),
    ).toEqual([]);
  });

  it('removes the name, address, their messages’ text, their files, sign-in links and unsent mail, and keeps the tickets', async () => {
    const keys = {
      customer: (await storageKeyOf(A.id, ada.customerFile.id))!,
      agent: (await storageKeyOf(A.id, ada.agentFile.id))!,
    };
    expect(await fileExists(keys.customer)).toBe(true);
    const earlierExport = (await asAdmin.privacyRequest.export({ customerId: ada.customer.id })).id;
    await runPrivacyJob(A.id, earlierExport);
    const [{ fileKey: exportKey }] = (await inA(({ db }) =>
      db
        .select({ fileKey: privacyRequests.fileKey })
        .from(privacyRequests)
        .where(eq(privacyRequests.id, earlierExport)),
    )) as [{ fileKey: string }];
    expect(await fileExists(exportKey)).toBe(true);
    const before = await ticketCount(ada.customer.id);
    const [{ status }] = (await inA(({ db }) =>
      db.select({ status: tickets.status }).from(tickets).where(eq(tickets.id, ada.ticket.id)),
    )) as [{ status: string }];
    requestId = (
      await asAdmin.privacyRequest.erase({ customerId: ada.customer.id, confirmEmail: ada.email.toUpperCase() })
    ).id;
    await expect(runPrivacyJob(A.id, requestId)).resolves.toMatchObject({
      erased: true,
      messages: 2,
      files: 1,
      tickets: 1,
    });

    const [row] = await inA(({ db }) => db.select().from(customers).where(eq(customers.id, ada.customer.id)));
    expect(row).toMatchObject({
      name: ERASED_CUSTOMER_NAME,
      email: erasedCustomerEmail(ada.customer.id),
      erasedAt: expect.any(Date),
    });
    expect(await ticketCount(ada.customer.id)).toBe(before);
    const [ticket] = await inA(({ db }) => db.select().from(tickets).where(eq(tickets.id, ada.ticket.id)));
    expect(ticket).toMatchObject({ subject: REMOVED_CONTENT, status });

    const messages = await inA(({ db }) =>
      db
        .select({ body: ticketMessages.body, authorType: ticketMessages.authorType })
        .from(ticketMessages)
        .where(eq(ticketMessages.ticketId, ada.ticket.id)),
    );
    expect(messages.filter((m) => m.authorType === 'customer').map((m) => m.body)).toEqual([
      REMOVED_CONTENT,
      REMOVED_CONTENT,
    ]);
    expect(messages.map((m) => m.body)).toEqual(expect.arrayContaining([ada.publicReply, ada.note]));
    // The search vectors follow the text: the customer's words no longer find anything.
    const [found] = await inA(({ db }) =>
      db
        .select({ n: count() })
        .from(ticketMessages)
        .where(sql`${ticketMessages.search} @@ plainto_tsquery('english', ${ada.word})`),
    );
    expect(found!.n).toBe(0);
    expect(
      (await callerFor({ userId: A.owner.userId, workspaceId: A.id }).ticket.search({ query: ada.word })).items,
    ).toEqual([]);

    expect(await inA(({ db }) => db.select().from(attachments).where(eq(attachments.id, ada.customerFile.id)))).toEqual(
      [],
    );
    expect(await fileExists(keys.customer)).toBe(false);
    expect(await fileExists(keys.agent)).toBe(true);
    expect(
      await inA(({ db }) => db.select().from(customerLoginTokens).where(eq(customerLoginTokens.email, ada.email))),
    ).toEqual([]);
    expect(
      await inA(({ db }) =>
        db
          .select()
          .from(outbox)
          .where(sql`${outbox.payload}->>'to' = ${ada.email}`),
      ),
    ).toEqual([]);
    // The earlier export was a copy of all of it: gone too.
    expect(await fileExists(exportKey)).toBe(false);
  });

  it("ends the customer's portal sessions", async () => {
    await expect(session().portal.me()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(session().portal.tickets({})).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('leaves another customer of the workspace as they were', async () => {
    const [row] = await inA(({ db }) => db.select().from(customers).where(eq(customers.id, neighbour.customer.id)));
    expect(row).toMatchObject({ email: neighbour.email, name: neighbour.name, erasedAt: null });
    const bodies = await inA(({ db }) =>
      db
        .select({ body: ticketMessages.body })
        .from(ticketMessages)
        .where(eq(ticketMessages.ticketId, neighbour.ticket.id)),
    );
    expect(bodies.map((m) => m.body)).toEqual(
      expect.arrayContaining([expect.stringContaining(neighbour.word), neighbour.followUp]),
    );
    expect(await fileExists((await storageKeyOf(A.id, neighbour.customerFile.id))!)).toBe(true);
    await expect(
      callerFor({ portal: { tenantId: A.id, customerId: neighbour.customer.id } }).portal.me(),
    ).resolves.toMatchObject({ email: neighbour.email });
  });

  it('is idempotent: the job and the erasure itself run again without changing anything', async () => {
    const snapshot = async () => ({
      customer: await inA(({ db }) => db.select().from(customers).where(eq(customers.id, ada.customer.id))),
      messages: await inA(({ db }) =>
        db
          .select()
          .from(ticketMessages)
          .where(eq(ticketMessages.ticketId, ada.ticket.id))
          .orderBy(ticketMessages.createdAt),
      ),
      files: await inA(({ db }) => db.select().from(attachments).where(eq(attachments.ticketId, ada.ticket.id))),
    });
    const before = await snapshot();
    await expect(runPrivacyJob(A.id, requestId)).resolves.toEqual({ skipped: true });
    await expect(eraseCustomer(A.id, ada.customer.id)).resolves.toEqual({
      messages: 0,
      files: 0,
      tickets: 0,
      mails: 0,
    });
    expect(await snapshot()).toEqual(before);
    await expect(
      asAdmin.privacyRequest.erase({ customerId: ada.customer.id, confirmEmail: erasedCustomerEmail(ada.customer.id) }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('writes the request and the erasure to the audit trail, with counts and no personal data', async () => {
    const entries = await auditOf(A.id, ada.customer.id);
    expect(entries.map((e) => e.action)).toEqual([
      'customer.export_requested',
      'customer.exported',
      'customer.erasure_requested',
      'customer.erased',
    ]);
    expect(entries[3]!.details).toMatchObject({ requestId, messages: 2, files: 1, tickets: 1 });
    const text = JSON.stringify(entries);
    for (const secret of [ada.email, ada.name, ada.word]) expect(text).not.toContain(secret);
  });

  it("another workspace's customer id answers NOT_FOUND and erases nothing", async () => {
    const theirs = await createTestCustomer(B.id, { name: 'Bea Other' });
    await expect(
      asAdmin.privacyRequest.erase({ customerId: theirs.id, confirmEmail: theirs.email }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const [row] = await runInTenant(B.id, ({ db }) => db.select().from(customers).where(eq(customers.id, theirs.id)));
    expect(row).toMatchObject({ email: theirs.email, name: 'Bea Other', erasedAt: null });
    expect(
      await runInTenant(B.id, ({ db }) =>
        db.select().from(privacyRequests).where(eq(privacyRequests.customerId, theirs.id)),
      ),
    ).toEqual([]);
  });
});

describe('through the queue', () => {
  it(
    'the procedure queues the job, the sweep puts back a lost one, and the worker carries it out',
    { timeout: 90_000 },
    async () => {
      const { startWorkers } = await import('@/jobs/start-workers');
      const { getQueue, jobId } = await import('@/server/queue/enqueue');
      const { sweepPrivacyRequests } = await import('@/server/services/privacy/sweep-privacy-requests');
      const customer = await createTestCustomer(A.id);
      const { id } = await asAdmin.privacyRequest.export({ customerId: customer.id });
      const queued = await getQueue('privacy').getJob(jobId('privacy.process', id));
      expect(queued?.data).toEqual({ tenantId: A.id, requestId: id });
      // The queue loses the job (Redis flushed, say): the pending row is the truth and the sweep re-adds it.
      await queued!.remove();
      expect(await getQueue('privacy').getJob(jobId('privacy.process', id))).toBeUndefined();
      await expect(sweepPrivacyRequests()).resolves.toMatchObject({ enqueued: expect.any(Number) });
      expect(await getQueue('privacy').getJob(jobId('privacy.process', id))).toBeTruthy();

      const running = await startWorkers({ log: pino({ level: 'silent' }), checkSchedulersEveryMs: 0 });
      try {
        await expect
          .poll(async () => (await asAdmin.privacyRequest.list({ customerId: customer.id }))[0]?.status, {
            timeout: 60_000,
            interval: 500,
          })
          .toBe('done');
      } finally {
        for (const key of ['outbox-sweep', 'sla-sweep', 'automation-time-rules', 'privacy-sweep', 'privacy-retention'])
          await getQueue('maintenance').removeJobScheduler(key);
        await running.stop();
      }
    },
  );
});

describe('attachment retention', () => {
  const DAY = 86_400_000;

  /** A ticket with one customer file, moved to `status` `daysAgo` days ago. */
  async function ticketWithFile(ws: TestWorkspace, status: 'solved' | 'closed' | 'open', daysAgo: number) {
    const customer = await createTestCustomer(ws.id);
    const file = await uploadTestAttachment(ws.id, { type: 'customer', customerId: customer.id });
    const ticket = await createTestTicket(ws.id, { requesterId: customer.id, attachmentIds: [file.id] });
    const at = new Date(Date.now() - daysAgo * DAY);
    await runInTenant(ws.id, ({ db }) =>
      db
        .update(tickets)
        .set({
          status,
          solvedAt: status === 'open' ? null : at,
          closedAt: status === 'closed' ? at : null,
          updatedAt: at,
          createdAt: at,
        })
        .where(eq(tickets.id, ticket.id)),
    );
    return { ticketId: ticket.id, fileId: file.id, key: (await storageKeyOf(ws.id, file.id))! };
  }
  const rowExists = async (ws: TestWorkspace, fileId: string) =>
    (await runInTenant(ws.id, ({ db }) => db.select().from(attachments).where(eq(attachments.id, fileId)))).length ===
    1;

  it('is off by default and refuses a nonsense number of days with a 400', async () => {
    const fresh = await createWorkspace();
    const asOwner = callerFor({ userId: fresh.owner.userId, workspaceId: fresh.id });
    await expect(asOwner.retentionSettings.get()).resolves.toEqual({ purgeAttachmentsAfterDays: null });
    await expect(asOwner.retentionSettings.update({ purgeAttachmentsAfterDays: 0 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(asOwner.retentionSettings.update({ purgeAttachmentsAfterDays: 1.5 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });

  it("deletes only the files of tickets solved or closed longer ago than the workspace's setting, and logs it", async () => {
    const ws = await createWorkspace();
    const untouchedWs = await createWorkspace();
    const asOwner = callerFor({ userId: ws.owner.userId, workspaceId: ws.id });
    await asOwner.retentionSettings.update({ purgeAttachmentsAfterDays: 30 });
    const oldSolved = await ticketWithFile(ws, 'solved', 40);
    const oldClosed = await ticketWithFile(ws, 'closed', 45);
    const recentSolved = await ticketWithFile(ws, 'solved', 10);
    const oldOpen = await ticketWithFile(ws, 'open', 90);
    const elsewhere = await ticketWithFile(untouchedWs, 'solved', 400);

    await runRetention();

    for (const gone of [oldSolved, oldClosed]) {
      expect(await rowExists(ws, gone.fileId)).toBe(false);
      expect(await fileExists(gone.key)).toBe(false);
    }
    for (const kept of [recentSolved, oldOpen]) {
      expect(await rowExists(ws, kept.fileId)).toBe(true);
      expect(await fileExists(kept.key)).toBe(true);
    }
    expect(await rowExists(untouchedWs, elsewhere.fileId)).toBe(true);
    expect(await fileExists(elsewhere.key)).toBe(true);
    // The tickets themselves stay.
    expect(
      await runInTenant(ws.id, ({ db }) =>
        db.select({ id: tickets.id }).from(tickets).where(eq(tickets.id, oldSolved.ticketId)),
      ),
    ).toHaveLength(1);

    const trail = await auditOf(ws.id, ws.id);
    expect(trail.map((e) => e.action)).toEqual(['workspace.retention_updated', 'workspace.attachments_purged']);
    expect(trail[0]!).toMatchObject({ actorUserId: ws.owner.userId, details: { from: null, to: 30 } });
    expect(trail[1]!).toMatchObject({ actorUserId: null, details: { files: 2, afterDays: 30 } });
    expect(await auditOf(untouchedWs.id, untouchedWs.id)).toEqual([]);

    // A second run finds nothing left and logs nothing more.
    await runRetention();
    expect(await auditOf(ws.id, ws.id)).toHaveLength(2);
  });

  it('deletes export files whose link has expired', async () => {
    const ada = await seedCustomerHistory(A);
    const { id } = await asAdmin.privacyRequest.export({ customerId: ada.customer.id });
    await runPrivacyJob(A.id, id);
    const [request] = await inA(({ db }) => db.select().from(privacyRequests).where(eq(privacyRequests.id, id)));
    await runRetention(new Date(request!.fileExpiresAt!.getTime() + 1000));
    const [after] = await inA(({ db }) =>
      db
        .select()
        .from(privacyRequests)
        .where(and(eq(privacyRequests.id, id))),
    );
    expect(after).toMatchObject({ status: 'done', fileKey: null });
    expect(await fileExists(request!.fileKey!)).toBe(false);
  });
});

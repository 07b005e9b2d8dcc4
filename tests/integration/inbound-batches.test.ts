import { eq, inArray } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processInboundProcess } from '@/jobs/processors/inbound-process';
import { INBOUND_STORM_LIMIT } from '@/lib/constants/inbound';
import { inboundMessages, tickets } from '@/server/db/schema';
import { runInTenant } from '@/server/db/tenant';
import { ownerDatabaseUrl } from '@/server/db/urls';
import { asStaff, createWorkspace, uniqueEmail, uniqueSuffix, type TestWorkspace } from '../helpers/factories';
import { saveAuthservId } from '@/server/services/inbound/inbound-channel-settings';
import { processInboundMessage } from '@/server/services/inbound/process-inbound-message';
import { storeInboundMessage } from '@/server/services/inbound/store-inbound-message';
import { ticketWithMail } from '../helpers/inbound-mail';

// One inbound.process job decides the other pending messages of its workspace with its own, in one
// transaction. What each message gets must not change: decided once, in the order received (a reply that
// arrived in the same batch as its original threads onto the original's ticket), limits counted across the
// batch, and a message that fails takes nothing of the others with it.

let A: TestWorkspace;
let B: TestWorkspace;
let owner: pg.Client;
const RUN = uniqueSuffix();

beforeAll(async () => {
  owner = new pg.Client({ connectionString: ownerDatabaseUrl() });
  await owner.connect();
  A = await createWorkspace({ name: 'Batch Inbound Desk' });
  B = await createWorkspace({ name: 'Other Inbound Desk' });
  // The workspaces' MTA checks senders (as the bench's does): no DNS in these tests.
  for (const ws of [A, B])
    await asStaff(ws.id, ws.owner, (scope) => saveAuthservId(scope, { authservId: 'mx.batch.test' }));
});

afterAll(async () => {
  await owner?.end();
});

function mail(from: string, subject: string, id: string, inReplyTo?: string) {
  return Buffer.from(
    [
      `Authentication-Results: mx.batch.test; dmarc=pass header.from=customer.example`,
      `From: ${from}`,
      'To: support@acme.test',
      `Subject: ${subject}`,
      `Message-ID: <${id}-${RUN}@customer.example>`,
      ...(inReplyTo ? [`In-Reply-To: <${inReplyTo}-${RUN}@customer.example>`] : []),
      '',
      `Body of ${id}.`,
    ].join('\r\n'),
  );
}

const store = async (tenantId: string, raws: Buffer[]) => {
  const ids: string[] = [];
  for (const raw of raws) ids.push((await storeInboundMessage(tenantId, raw)).id);
  return ids;
};

const rowsOf = (tenantId: string, ids: string[]) =>
  runInTenant(tenantId, ({ db }) => db.select().from(inboundMessages).where(inArray(inboundMessages.id, ids)));

const byId = async (tenantId: string, ids: string[]) => {
  const rows = await rowsOf(tenantId, ids);
  return ids.map((id) => rows.find((r) => r.id === id)!);
};

describe('inbound batches', () => {
  it("one job decides every pending message of its workspace, in the order received; a reply in the same batch threads onto its original's ticket", async () => {
    const sender = uniqueEmail('batch');
    const ids = await store(A.id, [
      mail(sender, 'First request', 'first'),
      mail(uniqueEmail('batch'), 'Second request', 'second'),
      mail(uniqueEmail('batch'), 'Third request', 'third'),
      mail(sender, 'Re: First request', 'first-reply', 'first'),
    ]);
    const other = await store(B.id, [mail(uniqueEmail('other'), 'Elsewhere', 'other')]);

    // The job of the last message takes the others with it, as the worker runs it.
    await processInboundProcess({ tenantId: A.id, inboundId: ids[3]! });

    const [first, second, third, reply] = await byId(A.id, ids);
    expect([first, second, third].map((r) => r!.outcome)).toEqual(['new_ticket', 'new_ticket', 'new_ticket']);
    expect(reply).toMatchObject({ status: 'processed', outcome: 'appended', ticketId: first!.ticketId });
    expect(new Set([first, second, third].map((r) => r!.ticketId)).size).toBe(3);
    // Another workspace's pending mail is not the batch's.
    expect((await byId(B.id, other))[0]).toMatchObject({ status: 'pending', ticketId: null });

    // The others' own jobs (and a second run of this one) change nothing: one ticket each, decided once.
    const processedAt = (await byId(A.id, ids)).map((r) => r.processedAt?.getTime());
    for (const id of ids) await processInboundProcess({ tenantId: A.id, inboundId: id });
    expect((await byId(A.id, ids)).map((r) => r.processedAt?.getTime())).toEqual(processedAt);
    const created = await runInTenant(A.id, ({ db }) =>
      db
        .select({ id: tickets.id })
        .from(tickets)
        .where(inArray(tickets.subject, ['First request', 'Third request'])),
    );
    expect(created).toHaveLength(2);

    await processInboundProcess({ tenantId: B.id, inboundId: other[0]! });
    expect((await byId(B.id, other))[0]).toMatchObject({ status: 'processed', outcome: 'new_ticket' });
  });

  it('one read finds which messages of a batch carry our own Message-IDs: those are ignored, the rest decided', async () => {
    const ours = await ticketWithMail(A);
    const echo = Buffer.from(
      [
        'Authentication-Results: mx.batch.test; dmarc=pass header.from=customer.example',
        `From: ${ours.requester}`,
        'To: support@acme.test',
        'Subject: echo',
        `Message-ID: ${ours.ourMessageId}`,
        '',
        'echo',
      ].join('\r\n'),
    );
    const ids = await store(A.id, [
      mail(uniqueEmail('own'), 'Before the echo', 'before-echo'),
      echo,
      mail(uniqueEmail('own'), 'After the echo', 'after-echo'),
    ]);
    await processInboundProcess({ tenantId: A.id, inboundId: ids[2]! });
    const rows = await byId(A.id, ids);
    expect(rows.map((r) => [r.status, r.outcome])).toEqual([
      ['processed', 'new_ticket'],
      ['ignored', 'Carries one of our own Message-IDs.'],
      ['processed', 'new_ticket'],
    ]);
  });

  it("counts the batch's own earlier messages toward a sender's storm limit", async () => {
    const sender = uniqueEmail('storm');
    const count = INBOUND_STORM_LIMIT.messages + 2;
    const ids = await store(
      A.id,
      Array.from({ length: count }, (_, i) => mail(sender, `Storm ${i}`, `storm-${i}`)),
    );
    await processInboundProcess({ tenantId: A.id, inboundId: ids[0]! });
    const rows = await byId(A.id, ids);
    const tickets = rows.filter((r) => r.outcome === 'new_ticket');
    expect(tickets).toHaveLength(INBOUND_STORM_LIMIT.messages);
    expect(rows.slice(INBOUND_STORM_LIMIT.messages).every((r) => r.status === 'ignored')).toBe(true);
    expect(rows.at(-1)!.outcome).toContain('Mail storm');
  });

  it('a message the database refuses is failed with its reason; the rest of its batch still becomes tickets', async () => {
    const marker = `Refused ${RUN}`;
    await owner.query(`
      create or replace function cairn_test_refuse_ticket() returns trigger language plpgsql as $$
      begin
        if new.subject like 'Refused %' then raise exception 'refused by the test'; end if;
        return new;
      end $$`);
    await owner.query(
      'create trigger cairn_test_refuse_ticket before insert on tickets for each row execute function cairn_test_refuse_ticket()',
    );
    try {
      const ids = await store(A.id, [
        mail(uniqueEmail('ok'), 'Fine one', 'fine-1'),
        mail(uniqueEmail('bad'), marker, 'refused'),
        mail(uniqueEmail('ok'), 'Fine two', 'fine-2'),
      ]);
      await processInboundProcess({ tenantId: A.id, inboundId: ids[1]! });
      const [fine1, refused, fine2] = await byId(A.id, ids);
      expect(fine1).toMatchObject({ status: 'processed', outcome: 'new_ticket' });
      expect(fine2).toMatchObject({ status: 'processed', outcome: 'new_ticket' });
      expect(refused).toMatchObject({ status: 'failed', ticketId: null });
      expect(refused!.outcome).toContain('Processing failed');
      const made = await runInTenant(A.id, ({ db }) =>
        db.select({ subject: tickets.subject }).from(tickets).where(eq(tickets.subject, marker)),
      );
      expect(made).toEqual([]);
    } finally {
      await owner.query('drop trigger if exists cairn_test_refuse_ticket on tickets');
      await owner.query('drop function if exists cairn_test_refuse_ticket()');
    }
  });

  it('jobs running at once decide each message once', async () => {
    const ids = await store(
      A.id,
      Array.from({ length: 12 }, (_, i) => mail(uniqueEmail('together'), `Together ${i}`, `together-${i}`)),
    );
    await Promise.all(ids.map((id) => processInboundMessage(A.id, id, { batchSize: 5 })));
    const rows = await byId(A.id, ids);
    expect(rows.every((r) => r.outcome === 'new_ticket')).toBe(true);
    expect(new Set(rows.map((r) => r.ticketId)).size).toBe(ids.length);
    const made = await runInTenant(A.id, ({ db }) =>
      db
        .select({ id: tickets.id })
        .from(tickets)
        .where(
          inArray(
            tickets.id,
            rows.map((r) => r.ticketId!),
          ),
        ),
    );
    expect(made).toHaveLength(ids.length);
  });
});

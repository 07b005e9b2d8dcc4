import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processEmailSend, UNCERTAIN_REPLY_ERROR } from '@/jobs/processors/email-send';
import { processOutboxSweep } from '@/jobs/processors/outbox-sweep';
import { outbox } from '@/server/db/schema';
import { runInTenant } from '@/server/db/tenant';
import { resetTransport, SMTP_TIMEOUTS } from '@/server/email/transport';
import { createWorkspace, type TestWorkspace } from '../helpers/factories';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp';

// A mail server that takes the message and then goes silent before its 250 (overloaded, or a proxy that
// dropped the reply). The mail may be in the mailbox already: it must be marked "may have been delivered",
// never sent again by a retry. A server that refuses is a different case: nothing arrived, so a retry is safe.

let smtp: TestSmtpServer;
let ws: TestWorkspace;

const defaultSocketTimeout = SMTP_TIMEOUTS.socketTimeout;

beforeAll(async () => {
  // The transport's socket timeout, short for the test. Files share a module graph: a pool an earlier file
  // opened has the default timeout, so it is closed and the next send opens one with this.
  SMTP_TIMEOUTS.socketTimeout = 1_500;
  resetTransport();
  smtp = await startSmtpServer();
  ws = await createWorkspace({ name: 'Late Reply Desk' });
});

afterAll(async () => {
  SMTP_TIMEOUTS.socketTimeout = defaultSocketTimeout;
  resetTransport();
  await smtp?.close();
});

const queueMail = (to: string, subject: string) =>
  runInTenant(ws.id, async ({ db }) => {
    const [row] = await db
      .insert(outbox)
      .values({
        tenantId: ws.id,
        kind: 'email',
        payload: {
          to,
          subject,
          html: `<p>${subject}</p>`,
          text: subject,
          messageId: `<${crypto.randomUUID()}@late.test>`,
        },
      })
      .returning({ id: outbox.id });
    return row!.id;
  });

const rowOf = (id: string) =>
  runInTenant(ws.id, async ({ db }) => (await db.select().from(outbox).where(eq(outbox.id, id)))[0]!);

describe('a mail server silent after taking the message', () => {
  it('marks the mail "may have been delivered" and never resends it', async () => {
    const to = 'late-reply@example.test';
    const outboxId = await queueMail(to, 'Your request was received');
    const release = smtp.holdReplies();
    try {
      await expect(processEmailSend({ tenantId: ws.id, outboxId })).resolves.toEqual({ uncertain: true });
    } finally {
      release();
    }
    expect(smtp.mailsTo(to)).toHaveLength(1);
    expect(await rowOf(outboxId)).toMatchObject({ status: 'failed', lastError: UNCERTAIN_REPLY_ERROR });

    // Neither the job's retry nor the sweep sends it again.
    await expect(processEmailSend({ tenantId: ws.id, outboxId })).resolves.toEqual({ skipped: true });
    await processOutboxSweep();
    await expect(processEmailSend({ tenantId: ws.id, outboxId })).resolves.toEqual({ skipped: true });
    expect(smtp.mailsTo(to)).toHaveLength(1);
    expect((await rowOf(outboxId)).status).toBe('failed');
  });

  it('a refusal stays retryable: nothing was delivered, and the retry delivers it once', async () => {
    const to = 'refused-once@example.test';
    const outboxId = await queueMail(to, 'A reply to your request');
    smtp.refuse(to);
    await expect(processEmailSend({ tenantId: ws.id, outboxId })).rejects.toThrow(/Mailbox temporarily unavailable/);
    expect(await rowOf(outboxId)).toMatchObject({ status: 'pending', attempts: 1 });
    smtp.accept(to);
    await expect(processEmailSend({ tenantId: ws.id, outboxId })).resolves.toMatchObject({ batch: 1 });
    expect(smtp.mailsTo(to)).toHaveLength(1);
    expect((await rowOf(outboxId)).status).toBe('done');
  });
});

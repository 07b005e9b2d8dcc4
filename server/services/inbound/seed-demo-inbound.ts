import { runInTenant } from '@/server/db/tenant';
import { saveAuthservId } from './inbound-channel-settings';
import { processInboundMessage } from './process-inbound-message';
import { storeInboundMessage } from './store-inbound-message';

/** The demo's receiving server: its Authentication-Results are the ones the demo workspace trusts. */
const DEMO_AUTHSERV = 'mx.acme.test';

const mail = (headers: string[], body: string[]) => Buffer.from([...headers, '', ...body].join('\r\n'));

/**
 * What Admin → Email shows on a fresh demo: a mail that opened a ticket with a colleague in CC and quoted
 * history below the new text, one held in quarantine (its From failed DMARC at the demo's mail server), and
 * one that could not be parsed, waiting in Unprocessed mail. They go through the real store-and-process path.
 */
export async function seedDemoInbound(tenantId: string) {
  await runInTenant(tenantId, (scope) => saveAuthservId(scope, { authservId: DEMO_AUTHSERV }));
  const messages = [
    mail(
      [
        `Authentication-Results: ${DEMO_AUTHSERV}; spf=pass smtp.mailfrom=example.com; dmarc=pass header.from=example.com`,
        'From: Morgan Patel <morgan@example.com>',
        'To: support@acme.test',
        'Cc: Dana Brooks <dana@example.com>',
        'Subject: Projector in meeting room 2 will not turn on',
        'Message-ID: <demo-cc-request@example.com>',
        'Date: Sun, 6 Dec 2026 09:12:00 +0000',
        'Content-Type: text/plain; charset=utf-8',
      ],
      [
        'Hi, the projector in meeting room 2 stays dark since this morning.',
        'Dana (in CC) runs the 14:00 meeting there.',
        '',
        'On Fri, 4 Dec 2026 at 16:02, Acme Facilities <facilities@acme.test> wrote:',
        '> The projectors get new lamps this week.',
      ],
    ),
    mail(
      [
        `Authentication-Results: ${DEMO_AUTHSERV}; spf=fail smtp.mailfrom=bank-secure.example; dmarc=fail (p=reject) header.from=bank.example`,
        'From: Bank Security <security@bank.example>',
        'To: support@acme.test',
        'Subject: Urgent: confirm your account',
        'Message-ID: <demo-phish@bank-secure.example>',
        'Date: Sun, 6 Dec 2026 09:40:00 +0000',
        'Content-Type: text/plain; charset=utf-8',
      ],
      ['Reply with your admin password within 24 hours.'],
    ),
    Buffer.from('\u0000\u0001 not a mail message at all'),
  ];
  for (const raw of messages) {
    const stored = await storeInboundMessage(tenantId, raw);
    await processInboundMessage(tenantId, stored.id);
  }
}

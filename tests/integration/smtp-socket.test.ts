import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import nodemailer from 'nodemailer';
import { POOL, resetTransport, sendMail, SMTP_TIMEOUTS } from '@/server/email/transport';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp';

// The pooled transport's sockets have Nagle's algorithm off: with it on, each pooled connection waited out
// the server's delayed ACK on every mail and carried about 22 mails a second (the bench's email figure).
// The speed itself is the bench's; this holds that the sockets are made so, and still deliver.

let smtp: TestSmtpServer;

beforeAll(async () => {
  resetTransport();
  smtp = await startSmtpServer();
});

afterAll(async () => {
  resetTransport();
  await smtp?.close();
});

describe('the SMTP sockets', () => {
  it('the pooled transport connects with TCP_NODELAY and delivers', async () => {
    const noDelay = vi.spyOn(net.Socket.prototype, 'setNoDelay');
    try {
      await sendMail({ to: 'no-delay@example.test', subject: 'Nagle off', html: '<p>Hi</p>', text: 'Hi' });
      // Other sockets of this process (the database's) set it too: only the one to the SMTP server counts.
      const smtpPort = Number(new URL(process.env.SMTP_URL!).port);
      const toSmtp = noDelay.mock.calls.filter(
        (call, i) => call[0] === true && (noDelay.mock.contexts[i] as net.Socket).remotePort === smtpPort,
      );
      expect(toSmtp).toHaveLength(1);
    } finally {
      noDelay.mockRestore();
    }
    expect(smtp.mailsTo('no-delay@example.test')).toHaveLength(1);
  });

  it('every mail queued for a server that refuses the connection fails: none is left waiting', async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as net.AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    // The app's pooled transport options, against a port nobody listens on. A hook that reported the refusal
    // itself failed the first mail only and left the rest waiting for good (their jobs never ended).
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ...SMTP_TIMEOUTS, ...POOL });
    try {
      const outcomes = await Promise.allSettled(
        Array.from({ length: 20 }, (_, i) =>
          transport.sendMail({ from: 'desk@example.test', to: `r${i}@example.test`, subject: 'x', text: 'x' }),
        ),
      );
      expect(outcomes.map((o) => o.status)).toEqual(Array(20).fill('rejected'));
    } finally {
      transport.close();
    }
  });
});

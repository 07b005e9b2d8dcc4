import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { connectWithoutDelay } from '@/server/email/connect-without-delay';
import { resetTransport, sendMail } from '@/server/email/transport';
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

  it('a port nobody listens on is reported as an error, with no socket left open', async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as net.AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const outcome = await new Promise<{ error: Error | null; socket?: net.Socket }>((resolve) =>
      connectWithoutDelay(2_000)({ host: '127.0.0.1', port }, (error, socket) =>
        resolve({ error, socket: socket?.connection }),
      ),
    );
    expect(outcome.socket).toBeUndefined();
    expect(outcome.error).toMatchObject({ code: 'ECONNREFUSED' });
  });
});

import { SMTPServer } from 'smtp-server';

/** A local SMTP server that only counts: every message by its Message-ID, so a duplicate shows. */
export async function startSmtpSink() {
  const byMessageId = new Map<string, number>();
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, done) {
      let head = '';
      stream.on('data', (chunk: Buffer) => {
        if (head.length < 16_384) head += chunk.toString('utf8');
      });
      stream.on('end', () => {
        received += 1;
        const id = /^message-id:\s*(\S+)/im.exec(head)?.[1] ?? `(none ${received})`;
        byMessageId.set(id, (byMessageId.get(id) ?? 0) + 1);
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received: () => received,
    duplicates: () => [...byMessageId.values()].filter((n) => n > 1).length,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

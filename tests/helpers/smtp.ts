import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type ReceivedMail = {
  to: string[];
  subject: string;
  text: string;
  html: string;
  raw: string;
  /** Parsed header set, keys lower-case: what a mail client would see. */
  headers: Map<string, unknown>;
  from: string;
  messageId: string | undefined;
  inReplyTo: string | undefined;
  references: string[];
};

/**
 * A real SMTP server inside the test process, on the port global-setup put in SMTP_URL, so mail goes
 * through Cairn's real transport and the test reads what a person would receive.
 */
export async function startSmtpServer(options: { port?: number } = {}) {
  const url = process.env.SMTP_URL;
  if (!url) throw new Error('SMTP_URL is not set; tests/helpers/global-setup.ts sets it for integration tests.');
  // Another port: a workspace's own SMTP server beside Cairn's.
  const port = options.port ?? Number(new URL(url).port);
  const mails: ReceivedMail[] = [];
  const listeners = new Set<() => void>();
  /** Called when a message is fully received, before the server answers 250: a test can kill the sender there. */
  const onReceived = new Set<(mail: ReceivedMail) => void>();
  /** Addresses the server turns away, as a mailbox that is down would: the sender sees a failure. */
  const refused = new Set<string>();
  /** While set, each received message waits for it before the 250: the sender is left mid-send. */
  let held: Promise<void> | null = null;

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    // Cairn's transport pools its connections and keeps them open; by default close() waits 30 s for them to
    // quit before it sends 421 and drops them. A test's server is done when the test is: drop them now.
    closeTimeout: 1,
    onRcptTo(address, _session, callback) {
      if (refused.has(address.address.toLowerCase())) {
        const error = Object.assign(new Error('Mailbox temporarily unavailable'), { responseCode: 450 });
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        simpleParser(raw)
          .then((parsed) => {
            const references = parsed.references;
            const mail: ReceivedMail = {
              to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : '',
              raw: raw.toString('utf8'),
              headers: parsed.headers as Map<string, unknown>,
              from: parsed.from?.text ?? '',
              messageId: parsed.messageId,
              inReplyTo: parsed.inReplyTo,
              references: Array.isArray(references) ? references : references ? [references] : [],
            };
            mails.push(mail);
            for (const hook of onReceived) hook(mail);
            for (const notify of listeners) notify();
            return held ? held.then(() => callback()) : callback();
          })
          .catch((error: Error) => callback(error));
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  // Once listening, the server reports each client's connection errors as 'error' events. A sender killed
  // mid-session (the fault tests do that on purpose) resets its connection: expected, not a crash of the test.
  server.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') throw error;
  });

  const mailsTo = (address: string) => mails.filter((m) => m.to.includes(address.toLowerCase()));

  return {
    mails,
    mailsTo,
    refuse: (address: string) => refused.add(address.toLowerCase()),
    accept: (address: string) => refused.delete(address.toLowerCase()),
    onReceived: (hook: (mail: ReceivedMail) => void) => {
      onReceived.add(hook);
      return () => onReceived.delete(hook);
    },
    url: `smtp://127.0.0.1:${port}`,
    /**
     * Takes messages but withholds the 250 until released, as a slow mail server does: the sender's
     * connections all stay busy mid-send, so a test can stop it at a known point. Returns the release.
     */
    holdReplies() {
      let release!: () => void;
      held = new Promise<void>((resolve) => (release = resolve));
      return () => {
        held = null;
        release();
      };
    },
    /** Resolves with the first mail to the address, waiting for it if needed. */
    waitForMailTo(address: string, timeoutMs = 15_000): Promise<ReceivedMail> {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = mailsTo(address)[0];
          if (!found) return false;
          listeners.delete(check);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(
            new Error(
              `No mail to ${address} within ${timeoutMs} ms (received ${mails.length} for ${[...new Set(mails.flatMap((m) => m.to))].join(', ') || 'nobody'}).`,
            ),
          );
        }, timeoutMs);
        if (!check()) listeners.add(check);
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type TestSmtpServer = Awaited<ReturnType<typeof startSmtpServer>>;

/** The first absolute link in a mail's text part. */
export function firstLink(mail: ReceivedMail) {
  const match = mail.text.match(/https?:\/\/\S+/);
  if (!match) throw new Error(`No link in mail "${mail.subject}"`);
  return new URL(match[0]);
}

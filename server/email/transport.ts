import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import { env } from '@/lib/env';
import { componentLogger } from '@/server/log';
import { QUEUES } from '@/server/queue/jobs';

export type MailAddress = { name: string; address: string };

/**
 * What the outbox stores for one mail. Addresses are objects, never "Name <addr>" strings built by hand,
 * so nodemailer encodes display names and a line break in a name cannot start a new header.
 */
export type OutgoingMail = {
  to: string;
  toName?: string;
  subject: string;
  html: string;
  text: string;
  from?: string | MailAddress;
  replyTo?: string;
  /** Without angle brackets' surprises: stored as `<id@domain>`, the same on every retry of the row. */
  messageId?: string;
  inReplyTo?: string;
  references?: string[];
  headers?: Record<string, string>;
};

// Bounded, so a claim's lease (jobs/processors/email-send.ts) always outlives a send that is still running.
export const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

const transporters = new Map<string, Transporter>();
const LOCAL = 'local-files';

/**
 * Pooled: a few SMTP connections stay open and carry many messages, instead of a TCP and SMTP handshake
 * per mail (the bench measured 23 mails/s without the pool). As many connections as the email queue runs
 * jobs at once, so no send waits for a connection.
 */
const POOL = { pool: true, maxConnections: QUEUES.email.concurrency, maxMessages: 500 };

function createTransporter(url: string | null): Transporter {
  if (url) return nodemailer.createTransport({ url, ...SMTP_TIMEOUTS, ...POOL } as never);
  // No mail server configured (a laptop): keep each message as a .eml file and print its links.
  return nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
}

/** Header values we set ourselves: any control character would end the header line. */
function headerSafe(value: string) {
  return value.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
}

/** Sends through the workspace's own SMTP server when it has one, else the server configured for Cairn. */
export async function sendMail(mail: OutgoingMail, options: { smtpUrl?: string | null } = {}): Promise<{ messageId: string }> {
  const url = options.smtpUrl || env.SMTP_URL || null;
  const key = url ?? LOCAL;
  let transporter = transporters.get(key);
  if (!transporter) {
    transporter = createTransporter(url);
    transporters.set(key, transporter);
  }
  const headers = Object.fromEntries(Object.entries(mail.headers ?? {}).map(([k, v]) => [headerSafe(k), headerSafe(v)]));
  const info = await transporter.sendMail({
    from: mail.from ?? env.MAIL_FROM,
    to: mail.toName ? { name: mail.toName, address: mail.to } : mail.to,
    subject: mail.subject,
    html: mail.html,
    text: mail.text,
    replyTo: mail.replyTo,
    messageId: mail.messageId,
    inReplyTo: mail.inReplyTo,
    references: mail.references,
    headers,
  });
  if (!url && 'message' in info && Buffer.isBuffer(info.message)) {
    const dir = path.resolve(env.CAIRN_DATA_DIR, 'mail');
    fs.mkdirSync(dir, { recursive: true });
    // Named by time, not by recipient: the name is logged below, and addresses never are.
    const file = path.join(dir, `${Date.now()}-${crypto.randomBytes(4).toString('hex')}.eml`);
    fs.writeFileSync(file, info.message);
    const links = mail.text.match(/https?:\/\/\S+/g) ?? [];
    // The local mailbox of a laptop run: the links are how its user signs in. The address and subject stay
    // out of the log (the file has them).
    componentLogger('mail').info({ file, links }, 'mail saved to the local mailbox (no SMTP_URL)');
  }
  return { messageId: info.messageId };
}

/** Tests point the transport at their own SMTP server between cases. */
export function resetTransport() {
  for (const transporter of transporters.values()) transporter.close();
  transporters.clear();
}

/** Connects and authenticates, sending nothing: the admin's "test these settings". */
export async function verifySmtp(url: string): Promise<{ ok: true } | { ok: false; error: string }> {
  const transporter = nodemailer.createTransport({ url, ...SMTP_TIMEOUTS, connectionTimeout: 8_000, greetingTimeout: 8_000, socketTimeout: 8_000 } as never);
  try {
    await transporter.verify();
    return { ok: true };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  } finally {
    transporter.close();
  }
}

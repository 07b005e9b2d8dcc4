import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import { env } from '@/lib/env';
import { componentLogger } from '@/server/log';
import { QUEUES } from '@/server/queue/jobs';
import { OutboundRefused, resolveOutboundAddress, tlsServerName } from '@/server/net/outbound-guard';
import { connectWithoutDelay } from './connect-without-delay';

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
  /**
   * Without SMTP_URL mail is saved under .data/mail. A mail someone must open to get in (a sign-in link, an
   * invitation) also prints its links, as that is how a laptop user gets them; notifications (the demo's
   * among them) are saved without a line, so the console keeps to the start banner.
   */
  printLinksLocally?: boolean;
};

// Bounded, so a claim's lease (jobs/processors/email-send.ts) always outlives a send that is still running.
export const SMTP_TIMEOUTS = {
  connectionTimeout: 10_000,
  greetingTimeout: 10_000,
  socketTimeout: env.SMTP_SOCKET_TIMEOUT_SECONDS * 1000,
};

const transporters = new Map<string, Transporter>();
const LOCAL = 'local-files';

/** Who configured the server: Cairn's operator (SMTP_URL, trusted) or a workspace (guarded). */
export type SmtpServer = { url: string; configuredBy: 'operator' | 'workspace' };

type SmtpOptions = {
  host: string;
  port: number;
  secure: boolean;
  auth?: { user: string; pass: string };
  tls?: { servername?: string };
};

/**
 * Host, port, TLS mode and login from an smtp:// or smtps:// URL, and nothing else: nodemailer's own URL
 * parsing turns query parameters into options (proxy, service, timeouts), which a workspace must not set.
 */
export function parseSmtpUrl(value: string): SmtpOptions {
  const url = new URL(value);
  const secure = url.protocol === 'smtps:';
  return {
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    ...(url.username
      ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } }
      : {}),
  };
}

/**
 * A workspace's server goes through the outbound guard: the socket is opened to the address that was checked,
 * and TLS still verifies the certificate for the name the workspace typed.
 */
async function connectionOptions(server: SmtpServer): Promise<SmtpOptions> {
  const options = parseSmtpUrl(server.url);
  if (server.configuredBy === 'operator') return options;
  const target = await resolveOutboundAddress(options.host);
  return { ...options, host: target.address, tls: tlsServerName(target) };
}

/**
 * Pooled: a few SMTP connections stay open and carry many messages, instead of a TCP and SMTP handshake
 * per mail (the bench measured 23 mails/s without the pool). As many connections as the email queue runs
 * jobs at once, so no send waits for a connection; their sockets with Nagle's algorithm off (see the hook).
 */
export const POOL = {
  pool: true,
  maxConnections: QUEUES.email.concurrency,
  maxMessages: 500,
  getSocket: connectWithoutDelay,
} as const;

function createTransporter(options: SmtpOptions | null): Transporter {
  if (options) return nodemailer.createTransport({ ...options, ...SMTP_TIMEOUTS, ...POOL });
  // No mail server configured (a laptop): keep each message as a .eml file and print its links.
  return nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
}

/** Header values we set ourselves: any control character would end the header line. */
function headerSafe(value: string) {
  return value.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
}

/** The workspace's own server when it has one, else the one the operator configured, else local files. */
function serverFor(workspaceSmtpUrl: string | null | undefined): SmtpServer | null {
  if (workspaceSmtpUrl) return { url: workspaceSmtpUrl, configuredBy: 'workspace' };
  return env.SMTP_URL ? { url: env.SMTP_URL, configuredBy: 'operator' } : null;
}

/** Sends through the workspace's own SMTP server when it has one, else the server configured for Cairn. */
export async function sendMail(
  mail: OutgoingMail,
  options: { smtpUrl?: string | null } = {},
): Promise<{ messageId: string }> {
  const server = serverFor(options.smtpUrl);
  const url = server?.url ?? null;
  // Resolved (and guarded) before every send; the pool is per checked address, so a name that starts
  // resolving elsewhere gets a new, checked pool instead of reusing a connection made for the old answer.
  const connection = server ? await connectionOptions(server) : null;
  const key = server ? `${server.url}#${connection!.host}` : LOCAL;
  let transporter = transporters.get(key);
  if (!transporter) {
    transporter = createTransporter(connection);
    transporters.set(key, transporter);
  }
  const headers = Object.fromEntries(
    Object.entries(mail.headers ?? {}).map(([k, v]) => [headerSafe(k), headerSafe(v)]),
  );
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
    // The local mailbox of a laptop run: the links are how its user signs in. The address and subject stay
    // out of the log (the file has them).
    if (mail.printLinksLocally) {
      const links = mail.text.match(/https?:\/\/\S+/g) ?? [];
      componentLogger('mail').info({ file, links }, 'mail saved to the local mailbox (no SMTP_URL)');
    } else componentLogger('mail').debug({ file }, 'mail saved to the local mailbox (no SMTP_URL)');
  }
  return { messageId: info.messageId };
}

/** Tests point the transport at their own SMTP server between cases. */
export function resetTransport() {
  for (const transporter of transporters.values()) transporter.close();
  transporters.clear();
}

/** What the admin reads when a check fails: only what the workspace can fix, nothing about our network. */
export const SMTP_CHECK_MESSAGES = {
  unreachable:
    'Could not connect to the mail server. Check the host name and port, and that the server accepts connections from the internet.',
  tls: 'The secure connection (TLS) to the mail server failed. Check the port and the scheme: smtps:// for TLS on connect (usually port 465), smtp:// for STARTTLS (usually 587).',
  auth: 'The mail server refused the user name or password. Check them (URL-encode special characters in the password).',
} as const;

/** The check's own limits: a server that accepts and never greets is given up on within seconds. */
export const SMTP_CHECK_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 15_000 };

function describeSmtpFailure(error: unknown) {
  if (error instanceof OutboundRefused) return error.message;
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : '';
  if (code === 'EAUTH' || code === 'ENOAUTH') return SMTP_CHECK_MESSAGES.auth;
  if (code === 'ETLS' || /certificate|\bssl\b|\btls\b|handshake|wrong version number/i.test(message))
    return SMTP_CHECK_MESSAGES.tls;
  // Refused, reset, closed, timed out, or anything unexpected: one answer, so open and closed ports look alike.
  return SMTP_CHECK_MESSAGES.unreachable;
}

/**
 * Connects and authenticates, sending nothing: the admin's "test these settings". Runs in the worker
 * (outbound.check), never in a web request, and never while a database transaction is open.
 */
export async function verifySmtp(server: SmtpServer): Promise<{ ok: true } | { ok: false; error: string }> {
  let transporter: Transporter | undefined;
  try {
    transporter = nodemailer.createTransport({ ...(await connectionOptions(server)), ...SMTP_CHECK_TIMEOUTS });
    await transporter.verify();
    return { ok: true };
  } catch (error) {
    return { ok: false, error: describeSmtpFailure(error) };
  } finally {
    transporter?.close();
  }
}

import { ImapFlow } from 'imapflow';
import { OutboundRefused, resolveOutboundAddress, tlsServerName } from '@/server/net/outbound-guard';
import { decryptMailboxPassword } from './mailbox-password';

export type MailboxSettings = {
  tenantId: string;
  host: string;
  port: number;
  tls: boolean;
  username: string;
  passwordEncrypted: string;
};

/** Each step has its own limit, so a silent server costs a poll or a check seconds, never a stuck worker. */
export const IMAP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/** The step a connection failed at, so the admin hears which setting to fix. */
export type ImapStage = 'dns' | 'connect' | 'login' | 'folder';

export class ImapFailure extends Error {
  constructor(
    readonly stage: ImapStage,
    message: string,
  ) {
    super(message);
    this.name = 'ImapFailure';
  }
}

const TLS_CODE = /^(ERR_TLS|ERR_SSL|CERT_|UNABLE_TO|DEPTH_ZERO|SELF_SIGNED|ERR_OSSL|EPROTO)/;

/** Node, TLS and imapflow errors, in words for the admin. */
export function describeConnectFailure(error: unknown, host: string, port: number): string {
  const code = String((error as { code?: unknown }).code ?? '');
  const text = error instanceof Error ? error.message : String(error);
  if (TLS_CODE.test(code) || /ssl|tls|certificate/i.test(text))
    return `The TLS handshake with ${host} failed (${text}). Check that the port expects TLS (993) or turn TLS off for port 143, and that the server's certificate is valid for ${host}.`;
  if (code === 'ECONNREFUSED')
    return `${host} refused the connection on port ${port}. Check the port (993 for TLS, 143 without).`;
  if (/TIMEOUT|ETIMEDOUT/.test(code))
    return `${host} did not answer on port ${port} in time. Check the host, the port and the TLS setting.`;
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return `${host} cannot be reached from the Cairn server.`;
  return `Could not connect to ${host}:${port} (${text}).`;
}

/**
 * Connects and signs in to a workspace's mailbox. The host goes through the outbound guard and the socket goes
 * to the address that was checked; TLS still verifies the certificate against the name the admin typed.
 */
export async function openMailbox(
  settings: MailboxSettings,
  options: { maxIdleTime?: number } = {},
): Promise<ImapFlow> {
  let target;
  try {
    target = await resolveOutboundAddress(settings.host);
  } catch (error) {
    if (error instanceof OutboundRefused) throw new ImapFailure('dns', error.message);
    throw error;
  }
  const pass = decryptMailboxPassword(settings.tenantId, settings.passwordEncrypted);
  const client = new ImapFlow({
    host: target.address,
    port: settings.port,
    secure: settings.tls,
    ...tlsServerName(target),
    tls: tlsServerName(target),
    auth: { user: settings.username, pass },
    logger: false,
    disableAutoIdle: true,
    ...IMAP_TIMEOUTS,
    ...options,
  });
  // A socket error after connect is reported by the failing command; an unheard 'error' event would crash.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    client.close();
    if ((error as { authenticationFailed?: boolean }).authenticationFailed)
      throw new ImapFailure(
        'login',
        `${settings.host} refused the sign-in for ${settings.username}: the login failed. Check the user name and password (Gmail and Microsoft need an app password).`,
      );
    throw new ImapFailure('connect', describeConnectFailure(error, settings.host, settings.port));
  }
  return client;
}

/** Opens the folder to read, or says it is not there. */
export async function openFolder(client: ImapFlow, folder: string) {
  try {
    return await client.mailboxOpen(folder);
  } catch (error) {
    const text = error instanceof Error ? ((error as { responseText?: string }).responseText ?? error.message) : '';
    throw new ImapFailure(
      'folder',
      `The folder "${folder}" cannot be opened${text ? ` (${text})` : ''}. Check its name; the main folder is INBOX.`,
    );
  }
}

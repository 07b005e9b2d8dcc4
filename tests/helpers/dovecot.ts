import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ImapFlow } from 'imapflow';
import { freePort } from './redis-server';

/**
 * A throw-away Dovecot IMAP server of the test's own (Debian's dovecot-imapd): its own config, a passwd-file
 * user and a maildir under a temp dir, plain-text login on a free loopback port. Tests append mail with IMAP
 * APPEND, as a mail server delivering to the mailbox would, and read the flags the poller set.
 */
export const DOVECOT_BINARY = '/usr/sbin/dovecot';
export const dovecotMissing: string | null = fs.existsSync(DOVECOT_BINARY)
  ? null
  : 'Dovecot is not installed (apt-get install dovecot-imapd); the IMAP mailbox tests are skipped.';

/** Mail processes may not run as root: they run as the dovecot system user, which owns the maildir. */
function dovecotIds() {
  const line = fs
    .readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('dovecot:'));
  const [, , uid, gid] = line?.split(':') ?? [];
  if (!uid || !gid) throw new Error('The dovecot system user is missing; reinstall dovecot-core.');
  return { uid: Number(uid), gid: Number(gid) };
}

function config(dir: string, port: number) {
  const { uid, gid } = dovecotIds();
  return `
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
auth_mechanisms = plain
disable_plaintext_auth = no
mail_location = maildir:${dir}/mail/%u
first_valid_uid = 1
first_valid_gid = 1
default_login_user = dovenull
default_internal_user = dovecot
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/users
}
userdb {
  driver = static
  args = uid=${uid} gid=${gid} home=${dir}/mail/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
`;
}

function waitForGreeting(port: number, timeoutMs: number, log: () => string) {
  const deadline = Date.now() + timeoutMs;
  return new Promise<void>((resolve, reject) => {
    const attempt = () => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('data', (chunk) => {
        socket.destroy();
        if (chunk.toString().startsWith('* OK')) resolve();
        else reject(new Error(`Dovecot greeted with ${chunk.toString()}`));
      });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error(`Dovecot did not start within ${timeoutMs} ms:\n${log()}`));
        else setTimeout(attempt, 100);
      });
    };
    attempt();
  });
}

export async function startDovecot() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-dovecot-'));
  const { uid, gid } = dovecotIds();
  fs.chmodSync(dir, 0o755);
  fs.mkdirSync(path.join(dir, 'mail'));
  fs.chownSync(path.join(dir, 'mail'), uid, gid);
  const user = 'desk@imap.test';
  const password = `pw-${Math.random().toString(36).slice(2)}`;
  fs.writeFileSync(path.join(dir, 'users'), `${user}:${password}\n`);
  const port = await freePort();
  const configFile = path.join(dir, 'dovecot.conf');
  fs.writeFileSync(configFile, config(dir, port));
  const log = () => {
    try {
      return fs.readFileSync(path.join(dir, 'dovecot.log'), 'utf8');
    } catch {
      return '';
    }
  };
  let child: ChildProcess | undefined;
  let output = '';
  const start = async () => {
    child = spawn(DOVECOT_BINARY, ['-F', '-c', configFile], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    await waitForGreeting(port, 15_000, () => output + log());
  };
  const stop = async () => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child!.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  };
  await start();

  async function withClient<T>(work: (client: ImapFlow) => Promise<T>) {
    const client = new ImapFlow({
      host: '127.0.0.1',
      port,
      secure: false,
      auth: { user, pass: password },
      logger: false,
    });
    client.on('error', () => undefined);
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.logout().catch(() => client.close());
    }
  }

  return {
    host: '127.0.0.1',
    port,
    user,
    password,
    /** IMAP APPEND, as delivery would: the message arrives unread. */
    append: (raw: Buffer, folder = 'INBOX') => withClient((c) => c.append(folder, raw, [])),
    createFolder: (folder: string) => withClient((c) => c.mailboxCreate(folder)),
    /** uid → flags of every message in the folder. */
    flags: (folder = 'INBOX') =>
      withClient(async (c) => {
        const lock = await c.getMailboxLock(folder);
        try {
          const result = new Map<number, string[]>();
          if ((c.mailbox && c.mailbox.exists) === 0) return result;
          for await (const m of c.fetch('1:*', { uid: true, flags: true })) result.set(m.uid, [...(m.flags ?? [])]);
          return result;
        } finally {
          lock.release();
        }
      }),
    /** Removes flags from every message, as a person marking mail unread in their client would. */
    clearFlags: (flagsToRemove: string[], folder = 'INBOX') =>
      withClient(async (c) => {
        const lock = await c.getMailboxLock(folder);
        try {
          await c.messageFlagsRemove('1:*', flagsToRemove);
        } finally {
          lock.release();
        }
      }),
    log,
    async close() {
      await stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type TestDovecot = Awaited<ReturnType<typeof startDovecot>>;

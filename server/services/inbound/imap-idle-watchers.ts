import { eq, sql } from 'drizzle-orm';
import type { ImapFlow } from 'imapflow';
import { imapMailboxes } from '@/server/db/schema';
import { forEachWorkspace } from '@/server/db/for-each-workspace';
import { runInTenant } from '@/server/db/tenant';
import { componentLogger } from '@/server/log';
import { openFolder, openMailbox } from './imap-connection';
import { queueImapPoll } from './sweep-imap-mailboxes';

const log = componentLogger('imap-idle');

/** IDLE is broken and restarted this often, below the socket timeout, so a quiet connection is never cut. */
const IDLE_RESTART_MS = 20_000;

type Watcher = { settingsKey: string; client: ImapFlow | null };

/** The settings a watcher was opened with: a saved change (server, user, folder, password) opens a new one. */
const settingsKeyOf = (m: typeof imapMailboxes.$inferSelect) =>
  [m.host, m.port, m.tls, m.username, m.folder, m.passwordEncrypted].join('\n');

/**
 * Near-instant pickup: one IMAP connection per workspace mailbox that offers IDLE, selected on the folder Cairn
 * reads; when the server announces new mail (EXISTS), the workspace's ordinary poll is queued at once. The poll
 * does all the reading, checkpointing and flagging, so IDLE adds speed and nothing else: a server without IDLE,
 * a dropped connection or a watcher that cannot connect leaves the 30-second poll (the sweep) as it was.
 * Connections go through openMailbox, so the outbound guard applies to them too.
 */
export function startImapIdleWatchers(options: { refreshEveryMs: number; onNewMail?: (tenantId: string) => unknown }) {
  const onNewMail = options.onNewMail ?? queueImapPoll;
  const watchers = new Map<string, Watcher>();
  let stopped = false;

  async function close(tenantId: string) {
    const watcher = watchers.get(tenantId);
    watchers.delete(tenantId);
    await watcher?.client?.logout().catch(() => watcher.client?.close());
  }

  async function watch(tenantId: string, mailbox: typeof imapMailboxes.$inferSelect, watcher: Watcher) {
    const client = await openMailbox(mailbox, { maxIdleTime: IDLE_RESTART_MS });
    if (stopped || watchers.get(tenantId) !== watcher) return void (await client.logout().catch(() => client.close()));
    if (!client.capabilities.has('IDLE')) {
      // Polling only; the watcher stays recorded (client null) so the server is not asked again until a change.
      await client.logout().catch(() => client.close());
      return;
    }
    watcher.client = client;
    await openFolder(client, mailbox.folder);
    client.on('exists', (data: { count: number; prevCount: number }) => {
      if (data.count > data.prevCount)
        void Promise.resolve(onNewMail(tenantId)).catch((err: unknown) =>
          log.warn({ err, tenantId }, 'could not queue a poll'),
        );
    });
    client.on('close', () => {
      // Reconnected on the next refresh; meanwhile the poll keeps the mailbox read.
      if (watchers.get(tenantId) === watcher) watchers.delete(tenantId);
    });
    // Mail that arrived while connecting is picked up by one poll now.
    await onNewMail(tenantId);
    while (!stopped && client.usable && watchers.get(tenantId) === watcher) await client.idle();
  }

  async function refresh() {
    const seen = new Set<string>();
    await forEachWorkspace(sql`cairn_tenants_with_imap_mailbox()`, async (tenantId) => {
      seen.add(tenantId);
      const [mailbox] = await runInTenant(tenantId, ({ db }) =>
        db.select().from(imapMailboxes).where(eq(imapMailboxes.tenantId, tenantId)),
      );
      if (!mailbox) return;
      const current = watchers.get(tenantId);
      if (current?.settingsKey === settingsKeyOf(mailbox)) return;
      await close(tenantId);
      const watcher: Watcher = { settingsKey: settingsKeyOf(mailbox), client: null };
      watchers.set(tenantId, watcher);
      void watch(tenantId, mailbox, watcher).catch((err: unknown) => {
        // The poll reports settings problems to the admin; the watcher just tries again on a later refresh.
        if (watchers.get(tenantId) === watcher) watchers.delete(tenantId);
        log.debug({ err, tenantId }, 'IMAP IDLE watcher stopped');
      });
    });
    for (const tenantId of [...watchers.keys()]) if (!seen.has(tenantId)) await close(tenantId);
  }

  let refreshing: Promise<void> = refresh().catch((err: unknown) => log.warn({ err }, 'IMAP IDLE refresh failed'));
  const timer = setInterval(() => {
    refreshing = refreshing
      .then(() => refresh())
      .catch((err: unknown) => log.warn({ err }, 'IMAP IDLE refresh failed'));
  }, options.refreshEveryMs);
  timer.unref();
  return {
    /** Look at the configured mailboxes now (tests; the timer does it in production). */
    refresh: () => (refreshing = refreshing.then(() => refresh())),
    /** Whether a workspace's mailbox is being watched with IDLE right now. */
    idling: (tenantId: string) => Boolean(watchers.get(tenantId)?.client?.usable),
    async stop() {
      stopped = true;
      clearInterval(timer);
      await refreshing.catch(() => undefined);
      await Promise.all([...watchers.keys()].map((tenantId) => close(tenantId)));
    },
  };
}

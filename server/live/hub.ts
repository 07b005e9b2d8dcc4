import { EventEmitter } from 'node:events';
import { and, eq, gt, asc } from 'drizzle-orm';
import pg from 'pg';
import { env } from '@/lib/env';
import { tickets } from '@/server/db/schema';
import { runInTenant } from '@/server/db/tenant';
import { appDatabaseUrl } from '@/server/db/urls';
import { componentLogger } from '@/server/log';
import { LIVE_CHANNEL, type LiveEvent } from './publish';

/**
 * Fans ticket events out to the browsers of one workspace. On Postgres the events come from LISTEN on
 * the NOTIFY that each change sends on commit. The embedded database can't deliver NOTIFY across its
 * shared session, so there the hub polls each watched workspace's recently updated tickets instead.
 */
type Hub = { emitter: EventEmitter; watchers: Map<string, number>; started?: boolean; stop?: () => Promise<void> };
const hub: Hub = ((globalThis as { __cairnLive?: Hub }).__cairnLive ??= {
  emitter: new EventEmitter().setMaxListeners(0),
  watchers: new Map(),
});

const POLL_MS = 1_500;

function startListening() {
  let client: pg.Client | null = null;
  let stopped = false;
  const connect = async () => {
    if (stopped) return;
    client = new pg.Client({ connectionString: appDatabaseUrl() });
    client.on('notification', (message) => {
      if (message.channel !== LIVE_CHANNEL || !message.payload) return;
      try {
        const event = JSON.parse(message.payload) as LiveEvent;
        hub.emitter.emit(event.tenantId, event);
      } catch {
        // a payload we did not write: ignore
      }
    });
    client.on('error', () => {
      client = null;
      setTimeout(() => void connect(), 2_000);
    });
    try {
      await client.connect();
      await client.query(`listen ${LIVE_CHANNEL}`);
    } catch {
      setTimeout(() => void connect(), 2_000);
    }
  };
  void connect();
  hub.stop = async () => {
    stopped = true;
    await client?.end().catch(() => undefined);
  };
}

function startPolling() {
  const since = new Map<string, Date>();
  const timer = setInterval(async () => {
    for (const tenantId of hub.watchers.keys()) {
      const from = since.get(tenantId) ?? new Date(Date.now() - POLL_MS);
      try {
        const rows = await runInTenant(tenantId, ({ db }) =>
          db
            .select({ id: tickets.id, createdAt: tickets.createdAt, updatedAt: tickets.updatedAt })
            .from(tickets)
            .where(and(eq(tickets.tenantId, tenantId), gt(tickets.updatedAt, from)))
            .orderBy(asc(tickets.updatedAt))
            .limit(200),
        );
        for (const row of rows) {
          const type = row.createdAt.getTime() === row.updatedAt.getTime() ? 'ticket.created' : 'ticket.updated';
          hub.emitter.emit(tenantId, {
            type,
            ticketId: row.id,
            tenantId,
            at: row.updatedAt.toISOString(),
          } satisfies LiveEvent);
        }
        since.set(tenantId, rows.at(-1)?.updatedAt ?? from);
      } catch (error) {
        componentLogger('live').error({ err: error, workspaceId: tenantId }, 'live poll failed');
      }
    }
  }, POLL_MS);
  timer.unref();
  hub.stop = async () => clearInterval(timer);
}

/** Calls `listener` for every ticket event of the workspace until the returned function is called. */
export function watchWorkspace(tenantId: string, listener: (event: LiveEvent) => void) {
  if (!hub.started) {
    hub.started = true;
    if (env.CAIRN_EMBEDDED) startPolling();
    else startListening();
  }
  hub.watchers.set(tenantId, (hub.watchers.get(tenantId) ?? 0) + 1);
  hub.emitter.on(tenantId, listener);
  return () => {
    hub.emitter.off(tenantId, listener);
    const left = (hub.watchers.get(tenantId) ?? 1) - 1;
    if (left <= 0) hub.watchers.delete(tenantId);
    else hub.watchers.set(tenantId, left);
  };
}

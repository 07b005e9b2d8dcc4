import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { teams } from '@/server/db/schema';
import { getDb } from '@/server/db/client';
import { runInTenant } from '@/server/db/tenant';
import { createWorkspace, type TestWorkspace } from '../helpers/factories';

// The app pool sends a transaction's `begin` with its first statement when that statement has no
// parameters (server/db/deferred-begin-client.ts): one round trip fewer on every request and job. These
// hold that the round trips are what they should be and that the transaction is still a transaction.

let ws: TestWorkspace;
const sent: string[] = [];

beforeAll(async () => {
  ws = await createWorkspace({ name: 'Deferred Begin Desk' });
});

afterEach(() => {
  vi.restoreAllMocks();
  sent.length = 0;
});

/** What reaches the server: the plain pg.Client's query, which the app's client calls for every message. */
function recordRoundTrips() {
  const original = pg.Client.prototype.query;
  vi.spyOn(pg.Client.prototype, 'query').mockImplementation(function (this: pg.Client, ...args: unknown[]) {
    const [first] = args as [string | { text: string }];
    sent.push((typeof first === 'string' ? first : first.text).replace(/\s+/g, ' ').trim());
    return (original as (...a: unknown[]) => unknown).apply(this, args) as never;
  });
}

describe('a transaction begins with its first statement', () => {
  it('sends begin and the tenant settings in one round trip, then the work and the commit', async () => {
    getDb();
    recordRoundTrips();
    const seen = await runInTenant(ws.id, async ({ db }) => {
      const rows = await db.execute<{ tenant: string }>(sql`select current_setting('app.tenant_id') as tenant`);
      return rows.rows[0]!.tenant;
    });
    expect(seen).toBe(ws.id);
    expect(sent).toHaveLength(3);
    expect(sent[0]).toMatch(/^begin; select set_config\('role', 'cairn_app', true\)/);
    expect(sent[2]).toBe('commit');
  });

  it('still rolls back everything when the work fails', async () => {
    const name = `rolled-back-${Date.now()}`;
    await expect(
      runInTenant(ws.id, async ({ db }) => {
        await db.insert(teams).values({ tenantId: ws.id, name });
        throw new Error('the work failed');
      }),
    ).rejects.toThrow('the work failed');
    const kept = await runInTenant(ws.id, ({ db }) => db.select().from(teams).where(eq(teams.name, name)));
    expect(kept).toEqual([]);
  });

  it('a first statement with parameters is sent after a begin of its own, inside the transaction', async () => {
    const name = `parameters-${Date.now()}`;
    recordRoundTrips();
    await expect(
      // Not a UUID: the settings go as parameters.
      runInTenant('not-a-uuid', async ({ db }) => {
        await db.execute(sql`select ${name}::text`);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow();
    expect(sent[0]).toBe('begin');
    expect(sent[1]).toMatch(/^select set_config\('role', \$1, true\)/);
    expect(sent.at(-1)).toBe('rollback');
  });

  it('a transaction that runs no statement sends nothing', async () => {
    const db = getDb();
    recordRoundTrips();
    await db.transaction(async () => undefined);
    expect(sent).toEqual([]);
  });
});

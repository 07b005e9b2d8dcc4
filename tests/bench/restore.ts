import pg from 'pg';
import type { BenchWorkspace } from './seed';

/**
 * Removes the tickets the throughput run created (their numbers follow the seeded ones) and winds the
 * counter back, so every run measures the same data. Run before measuring too, in case an earlier run
 * was cut short.
 */
export async function removeCreatedTickets(ownerUrl: string, workspaces: BenchWorkspace[]) {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    let removed = 0;
    for (const workspace of workspaces) {
      await client.query('begin');
      await client.query(`select set_config('app.tenant_id', $1, true)`, [workspace.tenantId]);
      const result = await client.query('delete from tickets where tenant_id = $1 and number > $2', [
        workspace.tenantId,
        workspace.tickets,
      ]);
      await client.query('update ticket_counters set last_number = $2 where tenant_id = $1', [
        workspace.tenantId,
        workspace.tickets,
      ]);
      await client.query('commit');
      removed += result.rowCount ?? 0;
    }
    return removed;
  } finally {
    await client.end();
  }
}

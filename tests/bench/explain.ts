import pg from 'pg';
import { APP_ROLE, appDatabaseUrl } from '@/server/db/urls';
import { captureSql, type CapturedStatement } from './sql-capture';
import type { WorkspaceClient } from './workspace-client';

export type Explained = { label: string; executionMs: number; planningMs: number; plan: string };

/**
 * EXPLAIN (ANALYZE, BUFFERS) of the statement a service call actually sent, run as the app role with the
 * workspace's settings, exactly as the request's transaction runs it. Rolled back, so nothing changes.
 */
export async function explainServiceQuery(
  client: WorkspaceClient,
  label: string,
  call: () => Promise<unknown>,
  choose: (statement: CapturedStatement) => boolean,
): Promise<Explained | null> {
  const { statements } = await captureSql(call);
  const statement = statements.filter(choose).sort((a, b) => b.text.length - a.text.length)[0];
  if (!statement) return null;
  const connection = new pg.Client({ connectionString: appDatabaseUrl() });
  await connection.connect();
  try {
    let output: string[] = [];
    // Three runs; the last is reported, with the cache as warm as the timed calls had it.
    for (let run = 0; run < 3; run++) {
      await connection.query('begin');
      await connection.query(
        `select set_config('role', $1, true), set_config('app.tenant_id', $2, true), set_config('app.user_id', $3, true)`,
        [APP_ROLE, client.workspace.tenantId, client.workspace.agentUserId],
      );
      const result = await connection.query<{ 'QUERY PLAN': string }>(
        `explain (analyze, buffers) ${statement.text}`,
        statement.values,
      );
      await connection.query('rollback');
      output = result.rows.map((r) => r['QUERY PLAN']);
    }
    const find = (name: string) => Number(output.find((l) => l.startsWith(name))?.match(/([\d.]+) ms/)?.[1] ?? NaN);
    return { label, executionMs: find('Execution Time'), planningMs: find('Planning Time'), plan: output.join('\n') };
  } finally {
    await connection.end();
  }
}

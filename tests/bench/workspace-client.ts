import { sql } from 'drizzle-orm';
import { runInTenant } from '@/server/db/tenant';
import type { StaffScope } from '@/server/services/types';
import type { BenchWorkspace } from './seed';
import { staffCookie, TrpcHttp } from './trpc-http';

/**
 * One seeded workspace as its first agent sees it, two ways: through the tRPC HTTP endpoint of the running
 * server, and directly, the same service function inside runInTenant as tenantProcedure runs it (same
 * transaction, role and RLS settings), in this process.
 */
export type WorkspaceClient = {
  workspace: BenchWorkspace;
  http: TrpcHttp;
  direct: <T>(work: (scope: StaffScope) => Promise<T>) => Promise<T>;
};

export async function connectWorkspace(
  workspace: BenchWorkspace,
  baseUrl: string,
  authSecret: string,
): Promise<WorkspaceClient> {
  const cookie = await staffCookie(
    { id: workspace.agentUserId, email: workspace.agentEmail, name: workspace.agentName },
    workspace.tenantId,
    authSecret,
  );
  const http = new TrpcHttp(baseUrl, cookie);
  // The minted session must reach this very workspace, or every figure below would be for an error page.
  const current = await http.query<{ id: string; role: string }>('workspace.current');
  if (current.id !== workspace.tenantId)
    throw new Error(
      `The bench session for ${workspace.slug} landed in workspace ${current.id}; expected ${workspace.tenantId}.`,
    );
  const actor = { userId: workspace.agentUserId, role: 'agent' as const };
  const direct = <T>(work: (scope: StaffScope) => Promise<T>) =>
    runInTenant(workspace.tenantId, (scope) => work({ ...scope, actor }), workspace.agentUserId);
  return { workspace, http, direct };
}

/** Random ids from the workspace (one sequential read, outside any timing). */
export async function sampleIds(
  client: WorkspaceClient,
  table: 'tickets' | 'customers',
  count: number,
): Promise<string[]> {
  return client.direct(async (scope) => {
    const result = await scope.db.execute<{ id: string }>(
      sql`select id from ${sql.identifier(table)} where tenant_id = ${scope.tenantId} order by random() limit ${count}`,
    );
    return result.rows.map((r) => r.id);
  });
}

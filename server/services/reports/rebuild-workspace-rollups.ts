import { sql } from 'drizzle-orm';
import {
  asPairContribution,
  packPairDeltas,
  rollupDeltas,
  sumRollupDeltas,
  type RollupDelta,
} from '@/lib/reports/rollup-measures';
import { ticketDimensions, type TicketSnapshot } from '@/lib/reports/ticket-measures';
import { analyticsTicketFacts } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { csatInputsOf } from './apply-analytics-event';
import { applyPairRollupDeltas } from './apply-pair-rollup-deltas';
import { applyRollupDeltas } from './apply-rollup-deltas';
import { loadTicketSnapshots } from './load-ticket-snapshot';
import { factRow, mergeCsat, type CsatInput } from './refresh-ticket-facts';
import { workspaceTimeZone } from './workspace-time-zone';

const BATCH = 1000;

/** Survey state per ticket from the recorded CSAT events: the outbox keeps every event it dispatched. */
async function csatInputsByTicket(scope: TenantScope) {
  const { rows } = await scope.db.execute<{
    payload: { type: 'csat.requested' | 'csat.received'; data: { ticketId: string } & Record<string, unknown> };
    created_at: string;
  }>(sql`
    select payload, created_at from outbox
    where tenant_id = ${scope.tenantId} and kind = 'event' and payload ->> 'type' in ('csat.requested', 'csat.received')`);
  const byTicket = new Map<string, CsatInput[]>();
  for (const row of rows) {
    const inputs = csatInputsOf({ ...row.payload, occurredAt: new Date(row.created_at) });
    const id = row.payload.data.ticketId;
    byTicket.set(id, [...(byTicket.get(id) ?? []), ...inputs]);
  }
  return byTicket;
}

/**
 * Throws away the workspace's rollups (single and pair) and facts and computes them again from the tickets
 * (and the CSAT events), a thousand tickets per statement. Run in one transaction, so the dashboard never sees
 * half of it. Needed after a time-zone change, or to check the maintained rollups against a fresh count.
 */
export async function rebuildWorkspaceRollups(scope: TenantScope) {
  const timeZone = await workspaceTimeZone(scope);
  const csat = await csatInputsByTicket(scope);
  await scope.db.execute(sql`delete from analytics_rollups where tenant_id = ${scope.tenantId}`);
  await scope.db.execute(sql`delete from analytics_pair_rollups where tenant_id = ${scope.tenantId}`);
  await scope.db.execute(sql`delete from analytics_ticket_facts where tenant_id = ${scope.tenantId}`);
  // In creation order: a batch's tickets share their days, so each batch touches few rollup rows.
  let after: { createdAt: string; id: string } | null = null;
  let tickets = 0;
  for (;;) {
    const page: { rows: Array<{ id: string; created_at: string }> } = await scope.db.execute(sql`
      select id, created_at::text from tickets where tenant_id = ${scope.tenantId}
        ${after ? sql`and (created_at, id) > (${after.createdAt}::timestamptz, ${after.id}::uuid)` : sql``}
      order by created_at, id limit ${BATCH}`);
    const rows = page.rows;
    if (!rows.length) break;
    const last = rows[rows.length - 1]!;
    after = { createdAt: last.created_at, id: last.id };
    const states = await loadTicketSnapshots(
      scope,
      rows.map((r) => r.id),
    );
    const deltas: RollupDelta[] = [];
    const pairDeltas: RollupDelta[] = [];
    const facts = [];
    for (const [ticketId, state] of states) {
      const snapshot: TicketSnapshot = {
        ...state,
        ...mergeCsat({ csat: null, csatRequestedAt: null }, csat.get(ticketId) ?? []),
      };
      const row = factRow(snapshot, timeZone);
      facts.push({ tenantId: scope.tenantId, ticketId, ...row });
      const contribution = { dimensions: ticketDimensions(snapshot), measures: row.measures };
      deltas.push(...rollupDeltas(null, contribution));
      pairDeltas.push(...rollupDeltas(null, asPairContribution(contribution)));
    }
    if (facts.length) await scope.db.insert(analyticsTicketFacts).values(facts);
    await applyRollupDeltas(scope, sumRollupDeltas(deltas));
    await applyPairRollupDeltas(scope, packPairDeltas(sumRollupDeltas(pairDeltas)));
    tickets += states.size;
  }
  return { tickets, timeZone };
}

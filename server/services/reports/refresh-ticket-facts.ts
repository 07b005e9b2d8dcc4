import { sql } from 'drizzle-orm';
import { pairRollupDeltas, rollupDeltas } from '@/lib/reports/rollup-measures';
import {
  ticketDimensions,
  ticketFactColumns,
  ticketMeasures,
  type TicketSnapshot,
} from '@/lib/reports/ticket-measures';
import { analyticsTicketFacts } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { applyPairRollupDeltas } from './apply-pair-rollup-deltas';
import { applyRollupDeltas } from './apply-rollup-deltas';
import { loadTicketSnapshots } from './load-ticket-snapshot';
import { lockUntilCommit } from '@/server/db/lock-until-commit';

export type CsatInput = { kind: 'requested'; at: Date } | { kind: 'received'; at: Date; rating: number; scale: number };

type StoredFact = typeof analyticsTicketFacts.$inferSelect;

function storedCsat(fact: StoredFact | undefined): SurveyState {
  return {
    csat:
      fact?.csatRating != null && fact.csatRatedAt
        ? { rating: fact.csatRating, scale: fact.csatScale ?? 5, ratedAt: fact.csatRatedAt }
        : null,
    csatRequestedAt: fact?.csatRequestedAt ?? null,
  };
}

export type SurveyState = Pick<TicketSnapshot, 'csat' | 'csatRequestedAt'>;

/** The newer of the stored and the incoming survey state: events arriving late never undo newer ones. */
export function mergeCsat(stored: SurveyState, inputs: readonly CsatInput[]): SurveyState {
  let state = stored;
  for (const input of inputs) {
    if (input.kind === 'received' && (!state.csat || state.csat.ratedAt <= input.at))
      state = { ...state, csat: { rating: input.rating, scale: input.scale, ratedAt: input.at } };
    if (input.kind === 'requested' && (!state.csatRequestedAt || state.csatRequestedAt < input.at))
      state = { ...state, csatRequestedAt: input.at };
  }
  return state;
}

/** The fact row written for a ticket in a given state. */
export function factRow(snapshot: TicketSnapshot, timeZone: string) {
  return {
    ...ticketFactColumns(snapshot, timeZone),
    csatRating: snapshot.csat?.rating ?? null,
    csatScale: snapshot.csat?.scale ?? null,
    csatRatedAt: snapshot.csat?.ratedAt ?? null,
    csatRequestedAt: snapshot.csatRequestedAt,
    measures: ticketMeasures(snapshot, timeZone),
    updatedAt: new Date(),
  };
}

/**
 * Brings one ticket's fact row, and the rollups with it, to the ticket's current state. The rollups move by
 * the difference between what the ticket contributed and what it contributes now, so calling this any number
 * of times, in any order, leaves them as one call would. Serialised per ticket by a transaction-scoped lock.
 */
export async function refreshTicketFacts(
  scope: TenantScope,
  ticketId: string,
  timeZone: string,
  csat: readonly CsatInput[] = [],
) {
  await lockUntilCommit(scope, `analytics:${ticketId}`);
  const [stored] = await scope.db
    .select()
    .from(analyticsTicketFacts)
    .where(sql`${analyticsTicketFacts.ticketId} = ${ticketId}`);
  const before = stored ? { dimensions: ticketDimensions(stored), measures: stored.measures } : null;
  const state = (await loadTicketSnapshots(scope, [ticketId])).get(ticketId);
  const survey = mergeCsat(storedCsat(stored), csat);

  if (!state) {
    await applyRollupDeltas(scope, rollupDeltas(before, null));
    await applyPairRollupDeltas(scope, pairRollupDeltas(before, null));
    if (stored) await scope.db.delete(analyticsTicketFacts).where(sql`${analyticsTicketFacts.id} = ${stored.id}`);
    return;
  }
  const snapshot: TicketSnapshot = { ...state, ...survey };
  const row = factRow(snapshot, timeZone);
  const after = { dimensions: ticketDimensions(snapshot), measures: row.measures };
  await applyRollupDeltas(scope, rollupDeltas(before, after));
  await applyPairRollupDeltas(scope, pairRollupDeltas(before, after));
  await scope.db
    .insert(analyticsTicketFacts)
    .values({ tenantId: scope.tenantId, ticketId, ...row })
    .onConflictDoUpdate({ target: analyticsTicketFacts.ticketId, set: row });
}

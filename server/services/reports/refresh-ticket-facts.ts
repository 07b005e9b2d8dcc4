import { getTableColumns, inArray, sql } from 'drizzle-orm';
import {
  asPairContribution,
  packPairDeltas,
  rollupDeltas,
  sumRollupDeltas,
  type TicketContribution,
} from '@/lib/reports/rollup-measures';
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
import { lockAllUntilCommit } from '@/server/db/lock-until-commit';

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

/** A ticket whose facts are to be brought up to date, with the survey state its events carried. */
export type FactsRefresh = { ticketId: string; csat?: readonly CsatInput[] };

/**
 * Brings tickets' fact rows, and the rollups with them, to the tickets' current state. The rollups move by
 * the difference between what each ticket contributed and what it contributes now, so calling this any number
 * of times, in any order, leaves them as one call would. Serialised per ticket by transaction-scoped locks;
 * for many tickets the same few statements as for one (the rollups' deltas summed into one upsert each).
 */
export async function refreshTicketsFacts(scope: TenantScope, refreshes: readonly FactsRefresh[], timeZone: string) {
  const csatOf = new Map<string, CsatInput[]>();
  for (const { ticketId, csat = [] } of refreshes) csatOf.set(ticketId, [...(csatOf.get(ticketId) ?? []), ...csat]);
  const ticketIds = [...csatOf.keys()];
  if (!ticketIds.length) return;
  await lockAllUntilCommit(
    scope,
    ticketIds.map((ticketId) => `analytics:${ticketId}`),
  );
  const storedRows = await scope.db
    .select()
    .from(analyticsTicketFacts)
    .where(inArray(analyticsTicketFacts.ticketId, ticketIds));
  const stored = new Map(storedRows.map((row) => [row.ticketId, row]));
  const states = await loadTicketSnapshots(scope, ticketIds);

  const changes: Array<{ before: TicketContribution | null; after: TicketContribution | null }> = [];
  const rows: Array<ReturnType<typeof factRow> & { ticketId: string }> = [];
  const gone: string[] = [];
  for (const ticketId of ticketIds) {
    const fact = stored.get(ticketId);
    const before = fact ? { dimensions: ticketDimensions(fact), measures: fact.measures } : null;
    const state = states.get(ticketId);
    if (!state) {
      changes.push({ before, after: null });
      if (fact) gone.push(fact.id);
      continue;
    }
    const snapshot: TicketSnapshot = { ...state, ...mergeCsat(storedCsat(fact), csatOf.get(ticketId)!) };
    const row = factRow(snapshot, timeZone);
    changes.push({ before, after: { dimensions: ticketDimensions(snapshot), measures: row.measures } });
    rows.push({ ticketId, ...row });
  }
  await applyRollupDeltas(scope, sumRollupDeltas(changes.flatMap((c) => rollupDeltas(c.before, c.after))));
  await applyPairRollupDeltas(
    scope,
    packPairDeltas(
      sumRollupDeltas(changes.flatMap((c) => rollupDeltas(asPairContribution(c.before), asPairContribution(c.after)))),
    ),
  );
  if (gone.length) await scope.db.delete(analyticsTicketFacts).where(inArray(analyticsTicketFacts.id, gone));
  if (!rows.length) return;
  await scope.db
    .insert(analyticsTicketFacts)
    .values(rows.map((row) => ({ tenantId: scope.tenantId, ...row })))
    .onConflictDoUpdate({ target: analyticsTicketFacts.ticketId, set: takeIncoming(Object.keys(rows[0]!)) });
}

/** `excluded.<column>` for each field: a many-row upsert sets each row to its own incoming values. */
function takeIncoming(fields: readonly string[]) {
  const columns = getTableColumns(analyticsTicketFacts) as Record<string, { name: string }>;
  return Object.fromEntries(
    fields
      .filter((field) => field !== 'ticketId')
      .map((field) => [field, sql.raw(`excluded."${columns[field]!.name}"`)]),
  );
}

/** One ticket's facts brought to its current state (refreshTicketsFacts). */
export function refreshTicketFacts(
  scope: TenantScope,
  ticketId: string,
  timeZone: string,
  csat: readonly CsatInput[] = [],
) {
  return refreshTicketsFacts(scope, [{ ticketId, csat }], timeZone);
}

import { and, eq, notInArray, sql } from 'drizzle-orm';
import {
  computeTicketTargets,
  escalationRunKey,
  nextCheckAt,
  type ComputedTarget,
  type SlaTicketFacts,
} from '@/lib/sla';
import { slaEscalationRuns, ticketSlaTargets } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { metrics } from '@/server/metrics/registry';
import { slaConfigAtVersion } from './cached-sla-config';
import { loadSlaFacts } from './load-sla-facts';
import { scheduleSlaCheck } from './schedule-check';
import { resolveSla, type SlaConfig } from './sla-config';

type StoredTarget = typeof ticketSlaTargets.$inferSelect;

/** What a recomputation rewrites on a target that exists: everything but its identity. */
const UPDATED_COLUMNS = [
  'policyId',
  'calendarId',
  'startedAt',
  'targetMinutes',
  'dueAt',
  'warnAt',
  'metAt',
  'warnedAt',
  'breachedAt',
  'pauses',
  'nextCheckAt',
  'updatedAt',
] as const satisfies ReadonlyArray<keyof StoredTarget>;

/**
 * A recorded warning or breach stays only while the new clock agrees it happened: a priority lowered or a
 * policy lengthened can move the due time past the moment we recorded, and then the ticket is not breached.
 */
function keptMoment(recorded: Date | null | undefined, moment: Date | null) {
  return recorded && moment && moment.getTime() <= recorded.getTime() ? recorded : null;
}

function serializePauses(target: ComputedTarget) {
  return target.pauses.map((p) => ({ from: p.from.toISOString(), to: p.to ? p.to.toISOString() : null }));
}

type SlaRowsInput = {
  facts: SlaTicketFacts;
  config: SlaConfig;
  /** The targets stored before this change, by metric (none for a new ticket). */
  existing?: Map<string, StoredTarget>;
  /** Escalation runs already made, as escalationRunKey values (none for a new ticket). */
  ran?: Set<string>;
};

/**
 * The rows a ticket's clocks should hold, computed from its facts and the workspace's setup, and the moment
 * of its next check: the one computation behind a recomputation and a new ticket's first clocks.
 */
export function slaTargetRows(scope: TenantScope, ticketId: string, input: SlaRowsInput) {
  metrics.slaRecomputations.inc();
  const { facts, config, existing = new Map(), ran = new Set() } = input;
  const sla = resolveSla(config, facts);
  const computed = computeTicketTargets({
    facts,
    minutes: sla.minutes,
    calendar: sla.calendar,
    warnAtPercent: sla.warnAtPercent,
  });
  const rows = computed.map((target) => {
    const before = existing.get(target.metric);
    const warnedAt = keptMoment(before?.warnedAt, target.warnAt);
    const breachedAt = keptMoment(before?.breachedAt, target.dueAt);
    return {
      tenantId: scope.tenantId,
      ticketId,
      metric: target.metric,
      policyId: sla.policy?.id ?? null,
      calendarId: sla.calendarRow?.id ?? null,
      startedAt: target.startedAt,
      targetMinutes: target.targetMinutes,
      dueAt: target.dueAt,
      warnAt: target.warnAt,
      metAt: target.metAt,
      warnedAt,
      breachedAt,
      pauses: serializePauses(target),
      nextCheckAt: nextCheckAt({ ...target, warnedAt, breachedAt }, sla.escalations, ran),
      updatedAt: new Date(),
    };
  });
  const next = rows.map((r) => r.nextCheckAt).filter((d): d is Date => d !== null);
  return { rows, nextCheck: next.length ? new Date(Math.min(...next.map((d) => d.getTime()))) : null };
}

/**
 * Brings a ticket's SLA clocks in line with its current state: which policy applies, each target's due and
 * warning time in business time, what is met. Runs in the caller's transaction after every change to an
 * existing ticket that can move a clock (message, status, priority, category, tags, policy or calendar
 * edits), then schedules the next check. Idempotent: the same state gives the same rows. A new ticket's
 * clocks are written by its create statement (commitNewTicket), from slaTargetRows.
 */
export async function recomputeTicketSla(scope: TenantScope, ticketId: string, options: { config?: SlaConfig } = {}) {
  const facts = await loadSlaFacts(scope, ticketId);
  if (!facts) return [];
  const config = options.config ?? (await slaConfigAtVersion(scope, facts.slaConfigVersion));
  const existing = new Map<string, StoredTarget>(
    (await scope.db.select().from(ticketSlaTargets).where(eq(ticketSlaTargets.ticketId, ticketId)).for('update')).map(
      (row) => [row.metric, row],
    ),
  );
  const runs = await scope.db.select().from(slaEscalationRuns).where(eq(slaEscalationRuns.ticketId, ticketId));
  const ran = new Set(runs.map((r) => escalationRunKey(r.escalationId, r.metric, r.triggeredAt)));
  const { rows, nextCheck } = slaTargetRows(scope, ticketId, { facts, config, existing, ran });

  // All targets in one upsert; on conflict every column but the key takes the new row's value.
  const stored: StoredTarget[] = rows.length
    ? await scope.db
        .insert(ticketSlaTargets)
        .values(rows)
        .onConflictDoUpdate({
          target: [ticketSlaTargets.ticketId, ticketSlaTargets.metric],
          set: Object.fromEntries(
            UPDATED_COLUMNS.map((key) => [key, sql.raw(`excluded.${ticketSlaTargets[key].name}`)]),
          ),
        })
        .returning()
    : [];
  // A metric the ticket no longer has (no customer message awaiting a reply, a policy without that target).
  const kept = rows.map((r) => r.metric);
  await scope.db
    .delete(ticketSlaTargets)
    .where(
      kept.length
        ? and(eq(ticketSlaTargets.ticketId, ticketId), notInArray(ticketSlaTargets.metric, kept))
        : eq(ticketSlaTargets.ticketId, ticketId),
    );
  scheduleSlaCheck(scope, ticketId, nextCheck);
  return stored;
}

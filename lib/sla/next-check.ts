import type { SlaEscalationTrigger, SlaMetric } from '@/lib/constants/sla';

export interface CheckableTarget {
  readonly metric: SlaMetric;
  readonly dueAt: Date | null;
  readonly warnAt: Date | null;
  readonly metAt: Date | null;
  readonly warnedAt: Date | null;
  readonly breachedAt: Date | null;
}

export interface EscalationLevel {
  readonly id: string;
  readonly trigger: SlaEscalationTrigger;
  /** null: applies to every metric of the policy. */
  readonly metric: SlaMetric | null;
  readonly afterMinutes: number;
}

/** The moment an escalation level counts from (the target's warning or due time), or null if it has none. */
export function escalationBase(target: CheckableTarget, level: EscalationLevel): Date | null {
  if (level.metric && level.metric !== target.metric) return null;
  return level.trigger === 'breach' ? target.dueAt : target.warnAt;
}

/** Key of one run of a level on one clock: the same breach escalates once, a new cycle's breach again. */
export function escalationRunKey(levelId: string, metric: SlaMetric, base: Date) {
  return `${levelId}|${metric}|${base.getTime()}`;
}

/** Levels whose moment has come and that have not run yet for this clock's current warning or due time. */
export function dueEscalations<L extends EscalationLevel>(
  target: CheckableTarget,
  levels: readonly L[],
  ran: ReadonlySet<string>,
  now: Date,
) {
  if (target.metAt) return [];
  const due: Array<{ level: L; base: Date }> = [];
  for (const level of levels) {
    const base = escalationBase(target, level);
    if (!base || ran.has(escalationRunKey(level.id, target.metric, base))) continue;
    if (base.getTime() + level.afterMinutes * 60_000 <= now.getTime()) due.push({ level, base });
  }
  return due;
}

/**
 * The next moment the worker must look at a clock: its warning, its breach, or an escalation level still to
 * run. null once it is met or paused with nothing left to do. A moment in the past means "now".
 */
export function nextCheckAt(
  target: CheckableTarget,
  levels: readonly EscalationLevel[],
  ran: ReadonlySet<string>,
): Date | null {
  if (target.metAt) return null;
  const moments: number[] = [];
  if (target.warnAt && !target.warnedAt) moments.push(target.warnAt.getTime());
  if (target.dueAt && !target.breachedAt) moments.push(target.dueAt.getTime());
  for (const level of levels) {
    const base = escalationBase(target, level);
    if (base && !ran.has(escalationRunKey(level.id, target.metric, base)))
      moments.push(base.getTime() + level.afterMinutes * 60_000);
  }
  return moments.length ? new Date(Math.min(...moments)) : null;
}

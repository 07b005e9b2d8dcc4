import type { SlaTargetState } from '@/lib/constants/sla';

export interface TargetTimes {
  readonly dueAt: Date | null;
  readonly warnAt: Date | null;
  readonly metAt: Date | null;
}

/** Where a clock stands at `now`; derived, never stored, so it cannot disagree with the times. */
export function targetState(target: TargetTimes, now: Date): SlaTargetState {
  if (target.metAt) return 'met';
  if (!target.dueAt) return 'paused';
  if (target.dueAt <= now) return 'breached';
  if (target.warnAt && target.warnAt <= now) return 'at_risk';
  return 'active';
}

/** Met in time: answered no later than due. */
export function metInTime(target: TargetTimes): boolean | null {
  if (!target.metAt) return null;
  return !target.dueAt || target.metAt <= target.dueAt;
}

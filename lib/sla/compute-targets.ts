import { addBusinessMinutes, type BusinessCalendar, type Pause } from '@/lib/business-hours';
import type { SlaMetric } from '@/lib/constants/sla';
import { firstResponseCycle, latestNextResponseCycle, resolvedAt, type ResponseCycle } from './response-cycles';
import { ticketPauses } from './ticket-pauses';
import type { ComputedTarget, MetricMinutes, SlaTicketFacts } from './types';

/** The stretch of `pauses` after `from`: earlier pauses cannot move a clock that started later. */
function pausesFrom(pauses: readonly Pause[], from: Date): Pause[] {
  return pauses.filter((p) => p.to === null || p.to > from).map((p) => (p.from < from ? { from, to: p.to } : p));
}

/** Once a target is met, later pauses are irrelevant: close them at the met moment so a due time exists. */
function pausesUntil(pauses: readonly Pause[], until: Date | null): Pause[] {
  if (!until) return [...pauses];
  return pauses
    .filter((p) => p.from < until)
    .map((p) => (p.to === null || p.to > until ? { from: p.from, to: until } : p));
}

/**
 * Every clock the ticket should have under `minutes` (the policy's targets for its priority) on `calendar`:
 * due and warning times in business time with the paused stretches added back, and when each was met.
 * Pure: the same facts always give the same times, which is what makes a recompute safe at any moment.
 */
export function computeTicketTargets(input: {
  facts: SlaTicketFacts;
  minutes: MetricMinutes;
  calendar: BusinessCalendar;
  warnAtPercent: number;
}): ComputedTarget[] {
  const { facts, minutes, calendar } = input;
  const allPauses = ticketPauses(facts.statusChanges);
  const cycles: Array<[SlaMetric, ResponseCycle | null]> = [
    ['first_response', firstResponseCycle(facts)],
    ['next_response', latestNextResponseCycle(facts)],
    ['resolution', { startedAt: facts.createdAt, answeredAt: resolvedAt(facts) }],
  ];
  const targets: ComputedTarget[] = [];
  for (const [metric, cycle] of cycles) {
    const target = minutes[metric];
    if (!cycle || target === null || target === undefined) continue;
    const pauses = pausesUntil(pausesFrom(allPauses, cycle.startedAt), cycle.answeredAt);
    const warnMinutes = Math.round((target * input.warnAtPercent) / 100);
    targets.push({
      metric,
      startedAt: cycle.startedAt,
      targetMinutes: target,
      dueAt: addBusinessMinutes(calendar, cycle.startedAt, target, pauses),
      warnAt: input.warnAtPercent < 100 ? addBusinessMinutes(calendar, cycle.startedAt, warnMinutes, pauses) : null,
      metAt: cycle.answeredAt,
      pauses,
    });
  }
  return targets;
}

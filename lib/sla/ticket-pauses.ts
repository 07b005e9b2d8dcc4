import type { TicketStatus } from '@/lib/constants/ticket';
import type { Pause } from '@/lib/business-hours';
import type { SlaTicketFacts } from './types';

/**
 * Statuses in which every SLA clock stands still. Pending waits on the customer and on hold on a third
 * party; solved stops the clock too, so a reopened ticket resumes where it left off instead of counting the
 * days it sat solved; closed and merged end it for good (an unanswered clock stays stopped, never breaches).
 */
export const PAUSING_STATUSES: ReadonlySet<TicketStatus> = new Set([
  'pending',
  'on_hold',
  'solved',
  'closed',
  'merged',
]);

/** The stretches the ticket spent in a pausing status; the last is open (`to: null`) while it still is. */
export function ticketPauses(statusChanges: SlaTicketFacts['statusChanges']): Pause[] {
  const pauses: Pause[] = [];
  let pausedSince: Date | null = null;
  for (const change of statusChanges) {
    const pausing = PAUSING_STATUSES.has(change.to);
    if (pausing && !pausedSince) pausedSince = change.at;
    if (!pausing && pausedSince) {
      if (change.at > pausedSince) pauses.push({ from: pausedSince, to: change.at });
      pausedSince = null;
    }
  }
  if (pausedSince) pauses.push({ from: pausedSince, to: null });
  return pauses;
}

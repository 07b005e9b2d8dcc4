import type { TicketPriority } from './ticket';

/** Default targets in minutes by priority (the SLA issue makes these per-workspace and business-hours aware). */
export const DEFAULT_SLA_TARGETS: Record<TicketPriority, { firstResponse: number; resolution: number }> = {
  urgent: { firstResponse: 2 * 60, resolution: 24 * 60 },
  high: { firstResponse: 4 * 60, resolution: 48 * 60 },
  normal: { firstResponse: 24 * 60, resolution: 5 * 24 * 60 },
  low: { firstResponse: 48 * 60, resolution: 10 * 24 * 60 },
};

/** "within 2 hours", "within 5 days" */
export function describeDuration(minutes: number) {
  if (minutes % (24 * 60) === 0 && minutes >= 48 * 60) return `within ${minutes / (24 * 60)} days`;
  if (minutes % 60 === 0) return `within ${minutes / 60} hour${minutes === 60 ? '' : 's'}`;
  return `within ${minutes} minutes`;
}

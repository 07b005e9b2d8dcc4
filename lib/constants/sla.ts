import type { TicketPriority } from './ticket';

/** Default targets in minutes by priority (the SLA issue makes these per-workspace and business-hours aware). */
export const DEFAULT_SLA_TARGETS: Record<TicketPriority, { firstResponse: number; resolution: number }> = {
  urgent: { firstResponse: 2 * 60, resolution: 24 * 60 },
  high: { firstResponse: 4 * 60, resolution: 48 * 60 },
  normal: { firstResponse: 24 * 60, resolution: 5 * 24 * 60 },
  low: { firstResponse: 48 * 60, resolution: 10 * 24 * 60 },
};

/** The three clocks an SLA policy can run on a ticket. */
export const SLA_METRICS = ['first_response', 'next_response', 'resolution'] as const;
export type SlaMetric = (typeof SLA_METRICS)[number];

export const SLA_METRIC_LABELS: Record<SlaMetric, string> = {
  first_response: 'First response',
  next_response: 'Next response',
  resolution: 'Resolution',
};

/** What starts an escalation's countdown: the warning share of the target, or the breach itself. */
export const SLA_ESCALATION_TRIGGERS = ['at_risk', 'breach'] as const;
export type SlaEscalationTrigger = (typeof SLA_ESCALATION_TRIGGERS)[number];

/** Where a target stands, derived from its row: never stored, so it cannot disagree with the timestamps. */
export const SLA_TARGET_STATES = ['active', 'at_risk', 'breached', 'paused', 'met'] as const;
export type SlaTargetState = (typeof SLA_TARGET_STATES)[number];

export const DEFAULT_SLA_WARN_PERCENT = 75;
/** A target longer than a year of business minutes is a typo, not a promise. */
export const MAX_SLA_TARGET_MINUTES = 366 * 24 * 60;

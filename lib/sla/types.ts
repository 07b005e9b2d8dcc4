import type { SlaMetric } from '@/lib/constants/sla';
import type { TicketChannel, TicketPriority, TicketStatus } from '@/lib/constants/ticket';
import type { Pause } from '@/lib/business-hours';

/** What the SLA clocks of one ticket depend on, read from its row, status history and thread. */
export interface SlaTicketFacts {
  readonly createdAt: Date;
  readonly priority: TicketPriority;
  readonly status: TicketStatus;
  readonly channel: TicketChannel;
  readonly categoryId: string | null;
  readonly tags: readonly string[];
  readonly organizationId: string | null;
  /** Every status the ticket entered, oldest first; the first entry is its status at creation. */
  readonly statusChanges: ReadonlyArray<{ readonly at: Date; readonly to: TicketStatus }>;
  /** Customer messages and public agent replies, oldest first (internal notes never count). */
  readonly messages: ReadonlyArray<{ readonly at: Date; readonly from: 'customer' | 'agent' }>;
}

/** Minutes per metric for one priority; null or missing: not measured. */
export type MetricMinutes = Partial<Record<SlaMetric, number | null>>;

/** One clock as it should stand now: the row the database keeps for it. */
export interface ComputedTarget {
  readonly metric: SlaMetric;
  readonly startedAt: Date;
  readonly targetMinutes: number;
  /** null: paused before the target was reached, so the due time is not known yet. */
  readonly dueAt: Date | null;
  readonly warnAt: Date | null;
  readonly metAt: Date | null;
  readonly pauses: readonly Pause[];
}

import { DEFAULT_SLA_TARGETS } from '@/lib/constants/sla';
import type { TicketPriority } from '@/lib/constants/ticket';
import { addBusinessMinutes } from './add-business-minutes';
import { ALWAYS_OPEN_CALENDAR } from './default-calendar';
import type { BusinessCalendar, Pause } from './types';

/** Business minutes per target; a workspace may replace the built-in table with its own. */
export interface SlaTargetMinutes {
  readonly firstResponse: number;
  readonly resolution: number;
}

export type SlaTargetTable = Readonly<Record<TicketPriority, SlaTargetMinutes>>;

export interface SlaDue {
  readonly targetMinutes: number;
  /** null while a pause that is still running stops the clock before the target is met. */
  readonly due: Date | null;
}

export interface SlaDueDates {
  readonly firstResponse: SlaDue;
  readonly resolution: SlaDue;
}

/**
 * First-response and resolution due times for a ticket created at `createdAt`, counted in business time on
 * `calendar` (24×7 when none) with the paused stretches (pending, on hold) added back. The same pauses apply
 * to both targets; a caller whose policy does not pause first response passes them only to what it needs.
 */
export function computeSlaDueDates(input: {
  calendar?: BusinessCalendar;
  createdAt: Date;
  priority: TicketPriority;
  pauses?: readonly Pause[];
  targets?: SlaTargetTable;
}): SlaDueDates {
  const calendar = input.calendar ?? ALWAYS_OPEN_CALENDAR;
  const targets = (input.targets ?? DEFAULT_SLA_TARGETS)[input.priority];
  const dueAfter = (targetMinutes: number): SlaDue => ({
    targetMinutes,
    due: addBusinessMinutes(calendar, input.createdAt, targetMinutes, input.pauses),
  });
  return { firstResponse: dueAfter(targets.firstResponse), resolution: dueAfter(targets.resolution) };
}

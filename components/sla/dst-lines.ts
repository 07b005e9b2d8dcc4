import { WEEKDAY_NAMES } from '@/lib/business-hours/weekdays';
import type { SlaTarget } from '@/components/ticket/types';

type Explanation = SlaTarget['explanation'];

/** "Sun 2025-03-09 03:00" on the calendar's wall clock. */
export function wallTime(at: Explanation['start']) {
  return `${WEEKDAY_NAMES[at.weekday]?.slice(0, 3) ?? ''} ${at.local}`;
}

/** The rule for local times that do not exist or happen twice, as the explanation states it. */
export const DST_CONVENTION =
  'Opening and closing times are read by RFC 5545: a time skipped when clocks spring forward moves forward by the length of the jump (02:30 on a night when 02:00 becomes 03:00 counts as 03:30); a time that happens twice when clocks fall back is its first occurrence.';

/** One line per daylight-saving change the clock crossed: when, the readings and the offsets either side. */
export function dstChangeLines(explanation: Explanation): string[] {
  return explanation.dstChanges.map((change) => {
    const forward = offsetMinutes(change.offsetAfter) > offsetMinutes(change.offsetBefore);
    return `${change.at.local.slice(0, 10)}: clocks went ${forward ? 'forward' : 'back'} from ${change.from} to ${change.to} (UTC${change.offsetBefore} → UTC${change.offsetAfter}); open hours that day counted in real minutes.`;
  });
}

/** '+05:30' → 330, '-04:00' → -240. */
function offsetMinutes(offset: string): number {
  const minutes = Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6));
  return offset.startsWith('-') ? -minutes : minutes;
}

/** One line per opening or closing time that fell into a skipped or repeated hour, with the reading used. */
export function dstBoundaryLines(explanation: Explanation): string[] {
  return explanation.dstBoundaries.map((b) => {
    const what = `${b.edge === 'opens' ? 'Opening' : 'Closing'} time ${b.wallTime} on ${b.date}`;
    return b.kind === 'gap'
      ? `${what} did not exist (skipped hour); read as ${wallTime(b.readAs)} (UTC${b.readAs.offset}), moved forward by the jump (RFC 5545).`
      : `${what} happened twice; the first, ${wallTime(b.readAs)} (UTC${b.readAs.offset}), was used (RFC 5545).`;
  });
}

/** The zero-target rule as it applied, or null for any other target. */
export function zeroTargetLine(explanation: Explanation): string | null {
  if (explanation.zeroTarget === 'at_start')
    return 'A 0-minute target is due at once when it starts in open hours, as this one did.';
  if (explanation.zeroTarget === 'next_opening' && explanation.due) {
    return `A 0-minute target that starts outside open hours (or while paused) is due when the desk next opens: ${wallTime(explanation.due)}.`;
  }
  return null;
}

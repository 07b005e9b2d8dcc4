import type { SlaTarget } from '@/components/ticket/types';
import { DST_CONVENTION, dstBoundaryLines, dstChangeLines, wallTime as wall, zeroTargetLine } from './dst-lines';
import { formatSpan, formatTargetMinutes } from './format-sla';
import { ViewerTime } from './viewer-time';

type Explanation = SlaTarget['explanation'];

const minutes = (n: number) =>
  n >= 60 ? `${formatSpan(n * 60_000)} (${Math.round(n)} min)` : `${Math.round(n * 10) / 10} min`;

/**
 * "Why this due time": the arithmetic behind one target, in the calendar's own local time so an admin can
 * check it against the calendar page: the open stretches that counted, holidays skipped, pauses added back,
 * daylight-saving changes crossed and the rule used for times they skipped or repeated, and how a zero
 * target was read.
 */
export function SlaExplanation({
  explanation,
  policyName,
  calendarLabel,
  businessHours,
}: {
  explanation: Explanation;
  policyName: string;
  calendarLabel: string;
  businessHours: boolean;
}) {
  const { calendar, counted, holidaysSkipped, pausesAddedBack } = explanation;
  const changes = dstChangeLines(explanation);
  const boundaries = dstBoundaryLines(explanation);
  const zeroTarget = zeroTargetLine(explanation);
  const closedMinutes =
    explanation.elapsedMinutes === null ? null : explanation.elapsedMinutes - explanation.targetMinutes;
  return (
    <div className="space-y-2 text-xs text-slate-700">
      <p>
        <span className="font-medium">Policy:</span> {policyName}. <span className="font-medium">Calendar:</span>{' '}
        {calendarLabel}, times below in {calendar.timeZone}.
      </p>
      <p>
        The clock started {wall(explanation.start)} (<ViewerTime date={explanation.start.utc} /> your time) and counts{' '}
        {formatTargetMinutes(explanation.targetMinutes, { businessHours })} of open time
        {explanation.status === 'due' && explanation.due
          ? `, reached ${wall(explanation.due)} (${explanation.due.offset}).`
          : '; it is paused now, so the due time is not known yet.'}
      </p>
      {zeroTarget ? <p data-testid="sla-zero-target">{zeroTarget}</p> : null}
      {closedMinutes && closedMinutes > 0.5 ? (
        <p>{minutes(closedMinutes)} of closed or paused time lie between start and due.</p>
      ) : null}
      <div>
        <p className="font-medium">Open time that counted ({minutes(explanation.countedMinutes)})</p>
        {counted.length ? (
          <ol className="ml-4 list-decimal">
            {counted.slice(0, 20).map((stretch) => (
              <li key={stretch.start.utc.toISOString()}>
                {wall(stretch.start)} →{' '}
                {stretch.end.local.slice(0, 10) === stretch.start.local.slice(0, 10)
                  ? stretch.end.local.slice(11)
                  : wall(stretch.end)}
                : {minutes(stretch.minutes)}
              </li>
            ))}
            {counted.length > 20 ? <li>… and {counted.length - 20} more stretches</li> : null}
          </ol>
        ) : (
          <p className="text-slate-500">None yet.</p>
        )}
      </div>
      <div>
        <p className="font-medium">Holidays skipped</p>
        {holidaysSkipped.length ? (
          <ul className="ml-4 list-disc">
            {holidaysSkipped.map((h) => (
              <li key={h.date}>
                {h.date}: {minutes(h.openMinutesSkipped)} of opening hours not counted
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-slate-500">None in this period.</p>
        )}
      </div>
      <div>
        <p className="font-medium">Pauses added back (pending or on hold)</p>
        {pausesAddedBack.length ? (
          <ul className="ml-4 list-disc">
            {pausesAddedBack.map((p) => (
              <li key={p.from.utc.toISOString()}>
                {wall(p.from)} → {p.to ? wall(p.to) : 'still paused'}
                {p.businessMinutes === null ? '' : `: ${minutes(p.businessMinutes)} of open time added back`}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-slate-500">None: the ticket was never pending or on hold while this clock ran.</p>
        )}
      </div>
      <div>
        <p className="font-medium">Daylight-saving changes</p>
        {changes.length ? (
          <ul className="ml-4 list-disc">
            {changes.map((line) => (
              <li key={line}>{line}</li>
            ))}
            {boundaries.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        ) : (
          <p className="text-slate-500">
            None while this clock ran: the calendar's hours kept the same offset from UTC.
          </p>
        )}
        {changes.length || boundaries.length ? <p className="text-slate-500">{DST_CONVENTION}</p> : null}
      </div>
    </div>
  );
}

'use client';

import { SLA_METRIC_LABELS, type SlaMetric, type SlaTargetState } from '@/lib/constants/sla';
import { cn } from '@/lib/utils/cn';
import { countdownText, formatViewerTime, liveState, STATE_LABELS } from './format-sla';
import { useCountdownNow } from './use-now';

const TONES: Record<SlaTargetState, string> = {
  active: 'border-slate-200 bg-slate-50 text-slate-700',
  at_risk: 'border-amber-300 bg-amber-50 text-amber-900',
  breached: 'border-red-300 bg-red-50 text-red-800',
  paused: 'border-slate-200 bg-white text-slate-500',
  met: 'border-emerald-200 bg-emerald-50 text-emerald-800',
};

// A shape per state as well as a colour, so the state reads without colour vision.
const ICONS: Record<SlaTargetState, string> = { active: '◷', at_risk: '▲', breached: '!', paused: '❚❚', met: '✓' };

export type SlaBadgeProps = {
  metric: SlaMetric;
  state: SlaTargetState;
  dueAt: Date | null;
  warnAt?: Date | null;
  metInTime?: boolean | null;
  /** Queue rows name the metric in the label only; the ticket page shows it. */
  showMetric?: boolean;
  className?: string;
};

/**
 * A target's live countdown: "2h 14m left", "Overdue 5m", "Paused", "Met". Ticks every second in the
 * last hour and every 30 s before that; the state moves to breached on the viewer's clock as the due
 * time passes, before the worker's record arrives.
 */
export function SlaBadge({ metric, state, dueAt, warnAt, metInTime, showMetric, className }: SlaBadgeProps) {
  const now = useCountdownNow(state === 'met' || state === 'paused' ? null : dueAt);
  const current = now === null ? state : liveState(state, dueAt, warnAt, now);
  // Before mounting (server render) there is no viewer clock: the state word stands in for the countdown.
  const text =
    now === null
      ? current === 'met' || current === 'paused'
        ? countdownText(current, dueAt, 0, metInTime)
        : STATE_LABELS[current]
      : countdownText(current, dueAt, now, metInTime);
  const metricLabel = SLA_METRIC_LABELS[metric];
  return (
    <span
      data-sla-state={current}
      title={now !== null && dueAt ? `${metricLabel} due ${formatViewerTime(dueAt)}` : metricLabel}
      className={cn(
        'inline-flex items-center gap-1 whitespace-nowrap rounded-full border px-2 py-0.5 text-xs font-medium tabular-nums',
        TONES[current],
        className,
      )}
    >
      <span aria-hidden="true" className="text-[0.7rem] leading-none">
        {ICONS[current]}
      </span>
      <span className="sr-only">
        {metricLabel} SLA{current === 'met' || current === 'paused' ? '' : `, ${STATE_LABELS[current].toLowerCase()}`}
        :{' '}
      </span>
      {showMetric ? <span aria-hidden="true">{metricLabel}:</span> : null}
      <span>{text}</span>
    </span>
  );
}

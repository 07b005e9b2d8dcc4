'use client';

import { Input } from '@/components/ui/input';
import { formatSpan } from '@/components/sla/format-sla';
import { PRIORITY_LABELS } from '@/components/ticket/ticket-labels';
import { SLA_METRICS, SLA_METRIC_LABELS, type SlaMetric } from '@/lib/constants/sla';
import { TICKET_PRIORITIES, type TicketPriority } from '@/lib/constants/ticket';
import { FieldError, type IssueMap } from './issue-map';

/** What the inputs hold: text, so a half-typed value is not lost; '' means "not measured". */
export type TargetDraft = Record<TicketPriority, Record<SlaMetric, string>>;
type StoredTargets = Partial<Record<TicketPriority, Partial<Record<SlaMetric, number | null | undefined>> | undefined>>;

// Highest priority first, as the queue sorts them.
const ROWS = [...TICKET_PRIORITIES].reverse();

export function targetsToDraft(targets: StoredTargets): TargetDraft {
  return Object.fromEntries(
    TICKET_PRIORITIES.map((p) => [
      p,
      Object.fromEntries(SLA_METRICS.map((m) => [m, targets[p]?.[m] == null ? '' : String(targets[p]![m])])),
    ]),
  ) as TargetDraft;
}

/** Empty stays "not measured" (null); anything else goes to the schema as a number, which reports typos. */
export function draftToTargets(draft: TargetDraft) {
  return Object.fromEntries(
    TICKET_PRIORITIES.map((p) => [
      p,
      Object.fromEntries(SLA_METRICS.map((m) => [m, draft[p][m].trim() === '' ? null : Number(draft[p][m].trim())])),
    ]),
  );
}

/** "= 2h 30m", "= 3d": the minutes a person typed, read back the way they think of them. */
function helper(value: string) {
  const n = Number(value);
  if (!value.trim() || !Number.isFinite(n) || n < 60) return null;
  return `= ${formatSpan(n * 60_000)}`;
}

/** Priority × metric targets in business minutes, each cell with its own error. */
export function TargetsTable({
  idPrefix,
  value,
  onChange,
  issues,
}: {
  idPrefix: string;
  value: TargetDraft;
  onChange: (next: TargetDraft) => void;
  issues: IssueMap;
}) {
  return (
    <div className="space-y-2">
      <FieldError id={`${idPrefix}-error`} message={issues.targets ?? issues.defaultTargets} />
      <div className="overflow-x-auto">
        <table className="w-full min-w-[30rem] text-sm">
          <caption className="sr-only">
            Targets in business minutes by priority and metric; leave a cell empty to not measure it.
          </caption>
          <thead>
            <tr className="text-left text-xs uppercase tracking-wide text-slate-500">
              <th scope="col" className="py-2 pr-3 font-medium">
                Priority
              </th>
              {SLA_METRICS.map((m) => (
                <th key={m} scope="col" className="px-2 py-2 font-medium">
                  {SLA_METRIC_LABELS[m]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {ROWS.map((priority) => (
              <tr key={priority}>
                <th scope="row" className="py-2 pr-3 text-left font-medium text-slate-800">
                  {PRIORITY_LABELS[priority]}
                </th>
                {SLA_METRICS.map((metric) => {
                  const id = `${idPrefix}-${priority}-${metric}`;
                  const error =
                    issues[`targets.${priority}.${metric}`] ?? issues[`defaultTargets.${priority}.${metric}`];
                  const cell = value[priority][metric];
                  return (
                    <td key={metric} className="px-2 py-2 align-top">
                      <div className="flex items-center gap-1">
                        <Input
                          id={id}
                          inputMode="numeric"
                          className="w-24!"
                          placeholder="—"
                          aria-label={`${PRIORITY_LABELS[priority]} ${SLA_METRIC_LABELS[metric].toLowerCase()} target in minutes`}
                          value={cell}
                          onChange={(e) =>
                            onChange({ ...value, [priority]: { ...value[priority], [metric]: e.target.value } })
                          }
                          aria-invalid={Boolean(error)}
                          aria-describedby={error ? `${id}-error` : undefined}
                        />
                        <span className="text-xs text-slate-500">min</span>
                      </div>
                      <p className="mt-0.5 h-4 text-xs text-slate-500">{helper(cell)}</p>
                      <FieldError id={`${id}-error`} message={error} />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

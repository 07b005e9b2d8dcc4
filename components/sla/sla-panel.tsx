'use client';

import { SLA_METRIC_LABELS, type SlaMetric } from '@/lib/constants/sla';
import { PRIORITY_LABELS } from '@/components/ticket/ticket-labels';
import type { TicketSla } from '@/components/ticket/types';
import { formatTargetMinutes } from './format-sla';
import { SlaBadge } from './sla-badge';
import { SlaExplanation } from './sla-explanation';
import { ViewerTime } from './viewer-time';

type Names = { users: Map<string, string>; teams: Map<string, string> };
type Escalation = TicketSla['escalations'][number];

function describeActions(actions: Escalation['actions'], names: Names) {
  const parts: string[] = [];
  if (actions.setPriority) parts.push(`priority → ${PRIORITY_LABELS[actions.setPriority]}`);
  if (actions.assignToUserId) parts.push(`assign to ${names.users.get(actions.assignToUserId) ?? 'a former agent'}`);
  if (actions.assignToTeamId) parts.push(`assign to team ${names.teams.get(actions.assignToTeamId) ?? '(deleted)'}`);
  if (actions.notifyUserIds?.length)
    parts.push(`notify ${actions.notifyUserIds.map((id) => names.users.get(id) ?? 'a former agent').join(', ')}`);
  return parts.join('; ') || 'no actions';
}

function EscalationLine({ run, names }: { run: Escalation; names: Names }) {
  return (
    <li>
      <span className="font-medium">Level {run.level}</span>: {SLA_METRIC_LABELS[run.metric as SlaMetric]}{' '}
      {run.trigger === 'breach' ? 'breached' : 'at risk'}
      {run.afterMinutes ? ` for ${run.afterMinutes} min` : ''}, ran <ViewerTime date={run.ranAt} />:{' '}
      {describeActions(run.actions, names)}.
    </li>
  );
}

/**
 * The ticket's SLA targets: each one's due time (viewer's time and the calendar's), live countdown and
 * state, with the reasoning behind the due time one click away, and the escalation levels that ran.
 */
export function SlaPanel({ sla, names }: { sla: TicketSla; names: Names }) {
  const policyName = sla.policy?.name ?? 'Workspace defaults';
  const calendarLabel = sla.calendar ? `${sla.calendar.name} (${sla.calendar.timeZone})` : '24×7, around the clock';
  return (
    <section aria-labelledby="sla-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <div>
        <h2 id="sla-heading" className="text-sm font-semibold text-slate-900">
          SLA
        </h2>
        {sla.targets.length ? (
          <p className="text-xs text-slate-600">
            {policyName} · {calendarLabel}
          </p>
        ) : null}
      </div>
      {sla.targets.length === 0 ? (
        <p className="text-sm text-slate-500">No SLA targets run on this ticket.</p>
      ) : (
        <ul aria-label="SLA targets" className="space-y-3">
          {sla.targets.map((target) => {
            const zoned = target.explanation.due;
            const runs = sla.escalations.filter((e) => e.metric === target.metric);
            return (
              <li
                key={target.metric}
                aria-label={target.label}
                className="space-y-1 border-t border-slate-100 pt-3 first:border-0 first:pt-0"
              >
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <span className="text-sm font-medium text-slate-900">{target.label}</span>
                  <SlaBadge
                    metric={target.metric}
                    state={target.state}
                    dueAt={target.dueAt}
                    warnAt={target.warnAt}
                    metInTime={target.metInTime}
                  />
                </div>
                <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs text-slate-600">
                  <dt>Target</dt>
                  <dd>{formatTargetMinutes(target.targetMinutes, { businessHours: sla.calendar !== null })}</dd>
                  <dt>Due</dt>
                  <dd>
                    {target.dueAt ? <ViewerTime date={target.dueAt} /> : 'when the pause ends'}
                    {zoned ? (
                      <span className="block text-slate-500">
                        {zoned.local} {target.explanation.calendar.timeZone} ({zoned.offset})
                      </span>
                    ) : null}
                  </dd>
                  {target.metAt ? (
                    <>
                      <dt>Met</dt>
                      <dd>
                        <ViewerTime date={target.metAt} />
                        {target.metInTime === false ? ', after the due time' : ''}
                      </dd>
                    </>
                  ) : null}
                  {target.breachedAt ? (
                    <>
                      <dt>Breached</dt>
                      <dd>
                        recorded <ViewerTime date={target.breachedAt} />
                      </dd>
                    </>
                  ) : null}
                </dl>
                {runs.length ? (
                  <ul
                    aria-label={`Escalations for ${target.label}`}
                    className="space-y-0.5 rounded-md bg-red-50 px-2 py-1 text-xs text-red-900"
                  >
                    {runs.map((run) => (
                      <EscalationLine key={run.id} run={run} names={names} />
                    ))}
                  </ul>
                ) : null}
                <details className="group text-xs">
                  <summary className="cursor-pointer select-none font-medium text-slate-700 hover:text-slate-900">
                    Why this due time
                  </summary>
                  <div className="mt-2 rounded-md bg-slate-50 p-2">
                    <SlaExplanation
                      explanation={target.explanation}
                      policyName={policyName}
                      calendarLabel={calendarLabel}
                      businessHours={sla.calendar !== null}
                    />
                  </div>
                </details>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

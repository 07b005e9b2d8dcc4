'use client';

import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { PRIORITY_LABELS } from '@/components/ticket/ticket-labels';
import { SLA_METRICS, SLA_METRIC_LABELS, type SlaEscalationTrigger, type SlaMetric } from '@/lib/constants/sla';
import { TICKET_PRIORITIES, type TicketPriority } from '@/lib/constants/ticket';
import { CheckboxGroup } from './checkbox-group';
import { FieldError, type IssueMap } from './issue-map';

export type EscalationDraft = {
  trigger: SlaEscalationTrigger;
  metric: SlaMetric | '';
  afterMinutes: string;
  notifyUserIds: string[];
  setPriority: TicketPriority | '';
  assignToUserId: string;
  assignToTeamId: string;
};

export const newEscalation = (): EscalationDraft => ({
  trigger: 'breach',
  metric: '',
  afterMinutes: '0',
  notifyUserIds: [],
  setPriority: '',
  assignToUserId: '',
  assignToTeamId: '',
});

export function draftToEscalation(e: EscalationDraft) {
  return {
    trigger: e.trigger,
    metric: e.metric || null,
    afterMinutes: e.afterMinutes.trim() === '' ? 0 : Number(e.afterMinutes),
    notifyUserIds: e.notifyUserIds,
    setPriority: e.setPriority || null,
    assignToUserId: e.assignToUserId || null,
    assignToTeamId: e.assignToTeamId || null,
  };
}

type Option = { id: string; name: string };

/** Levels run in order; each fires once per clock, N wall-clock minutes after its trigger. */
export function EscalationsEditor({
  value,
  onChange,
  agents,
  teams,
  issues,
}: {
  value: EscalationDraft[];
  onChange: (next: EscalationDraft[]) => void;
  agents: Option[];
  teams: Option[];
  issues: IssueMap;
}) {
  const update = (index: number, patch: Partial<EscalationDraft>) =>
    onChange(value.map((e, i) => (i === index ? { ...e, ...patch } : e)));
  const move = (index: number, by: number) => {
    const next = [...value];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item!);
    onChange(next);
  };
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium text-slate-700">Escalation levels</legend>
      <p className="text-xs text-slate-500">
        When a target goes at risk or breaches, wait the given minutes, then act once: notify agents, change the
        priority or reassign.
      </p>
      <FieldError id="escalations-error" message={issues.escalations} />
      {value.length === 0 ? (
        <p className="text-sm text-slate-500">
          No escalations: breaches are recorded on the ticket and in reports only.
        </p>
      ) : null}
      <ol className="space-y-3">
        {value.map((level, index) => {
          const prefix = `escalation-${index}`;
          const levelError = issues[`escalations.${index}`];
          const afterError = issues[`escalations.${index}.afterMinutes`];
          return (
            <li
              key={index}
              aria-label={`Escalation level ${index + 1}`}
              className="space-y-3 rounded-md border border-slate-200 p-3"
            >
              <div className="flex flex-wrap items-center justify-between gap-2">
                <span className="text-sm font-semibold text-slate-900">Level {index + 1}</span>
                <div className="flex gap-1">
                  <Button
                    type="button"
                    variant="ghost"
                    size="sm"
                    disabled={index === 0}
                    aria-label={`Move level ${index + 1} up`}
                    onClick={() => move(index, -1)}
                  >
                    ↑
                  </Button>
                  <Button
                    type="button"
                    variant="ghost"
                    size="sm"
                    disabled={index === value.length - 1}
                    aria-label={`Move level ${index + 1} down`}
                    onClick={() => move(index, 1)}
                  >
                    ↓
                  </Button>
                  <Button
                    type="button"
                    variant="ghost"
                    size="sm"
                    aria-label={`Remove level ${index + 1}`}
                    onClick={() => onChange(value.filter((_, i) => i !== index))}
                  >
                    Remove
                  </Button>
                </div>
              </div>
              <div className="grid gap-3 sm:grid-cols-3">
                <div>
                  <label htmlFor={`${prefix}-trigger`} className="mb-1 block text-sm text-slate-700">
                    When
                  </label>
                  <Select
                    id={`${prefix}-trigger`}
                    value={level.trigger}
                    onChange={(e) => update(index, { trigger: e.target.value as SlaEscalationTrigger })}
                  >
                    <option value="breach">a target breaches</option>
                    <option value="at_risk">a target is at risk</option>
                  </Select>
                </div>
                <div>
                  <label htmlFor={`${prefix}-metric`} className="mb-1 block text-sm text-slate-700">
                    Target
                  </label>
                  <Select
                    id={`${prefix}-metric`}
                    value={level.metric}
                    onChange={(e) => update(index, { metric: e.target.value as SlaMetric | '' })}
                  >
                    <option value="">Any target</option>
                    {SLA_METRICS.map((m) => (
                      <option key={m} value={m}>
                        {SLA_METRIC_LABELS[m]}
                      </option>
                    ))}
                  </Select>
                </div>
                <div>
                  <label htmlFor={`${prefix}-after`} className="mb-1 block text-sm text-slate-700">
                    After (minutes)
                  </label>
                  <Input
                    id={`${prefix}-after`}
                    inputMode="numeric"
                    value={level.afterMinutes}
                    onChange={(e) => update(index, { afterMinutes: e.target.value })}
                    aria-invalid={Boolean(afterError)}
                    aria-describedby={afterError ? `${prefix}-after-error` : undefined}
                  />
                  <FieldError id={`${prefix}-after-error`} message={afterError} />
                </div>
              </div>
              <div className="grid gap-3 sm:grid-cols-3">
                <div>
                  <label htmlFor={`${prefix}-priority`} className="mb-1 block text-sm text-slate-700">
                    Set priority
                  </label>
                  <Select
                    id={`${prefix}-priority`}
                    value={level.setPriority}
                    onChange={(e) => update(index, { setPriority: e.target.value as TicketPriority | '' })}
                  >
                    <option value="">Keep as is</option>
                    {[...TICKET_PRIORITIES].reverse().map((p) => (
                      <option key={p} value={p}>
                        {PRIORITY_LABELS[p]}
                      </option>
                    ))}
                  </Select>
                </div>
                <div>
                  <label htmlFor={`${prefix}-agent`} className="mb-1 block text-sm text-slate-700">
                    Assign to agent
                  </label>
                  <Select
                    id={`${prefix}-agent`}
                    value={level.assignToUserId}
                    onChange={(e) => update(index, { assignToUserId: e.target.value })}
                  >
                    <option value="">Keep as is</option>
                    {agents.map((a) => (
                      <option key={a.id} value={a.id}>
                        {a.name}
                      </option>
                    ))}
                  </Select>
                </div>
                <div>
                  <label htmlFor={`${prefix}-team`} className="mb-1 block text-sm text-slate-700">
                    Assign to team
                  </label>
                  <Select
                    id={`${prefix}-team`}
                    value={level.assignToTeamId}
                    onChange={(e) => update(index, { assignToTeamId: e.target.value })}
                  >
                    <option value="">Keep as is</option>
                    {teams.map((t) => (
                      <option key={t.id} value={t.id}>
                        {t.name}
                      </option>
                    ))}
                  </Select>
                </div>
              </div>
              <CheckboxGroup
                legend="Notify by email"
                options={agents.map((a) => ({ value: a.id, label: a.name }))}
                value={level.notifyUserIds}
                onChange={(notifyUserIds) => update(index, { notifyUserIds })}
                emptyText="No agents in this workspace yet."
              />
              <FieldError id={`${prefix}-error`} message={levelError} />
            </li>
          );
        })}
      </ol>
      <Button
        type="button"
        variant="secondary"
        size="sm"
        disabled={value.length >= 10}
        onClick={() => onChange([...value, newEscalation()])}
      >
        Add escalation level
      </Button>
    </fieldset>
  );
}

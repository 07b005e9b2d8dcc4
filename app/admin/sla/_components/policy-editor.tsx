'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Alert, Card } from '@/components/ui/card';
import { formErrors } from '@/components/ui/form-errors';
import { Field, Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { SkeletonList } from '@/components/ui/skeleton';
import { Textarea } from '@/components/ui/textarea';
import { CHANNEL_LABELS, PRIORITY_LABELS } from '@/components/ticket/ticket-labels';
import { TICKET_CHANNELS, TICKET_PRIORITIES, type TicketChannel, type TicketPriority } from '@/lib/constants/ticket';
import { saveSlaPolicyInput } from '@/lib/validators/sla';
import { useTRPC } from '@/lib/trpc/client';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/routers/_app';
import { CheckboxGroup } from './checkbox-group';
import { draftToEscalation, EscalationsEditor, type EscalationDraft } from './escalations-editor';
import { FieldError, issueMap, type IssueMap } from './issue-map';
import { draftToTargets, TargetsTable, targetsToDraft, type TargetDraft } from './targets-table';
import { EditorActions } from './editor-actions';

type Draft = {
  name: string;
  description: string;
  enabled: boolean;
  calendarId: string;
  priorities: TicketPriority[];
  channels: TicketChannel[];
  categoryIds: string[];
  organizationIds: string[];
  tags: string;
  targets: TargetDraft;
  warnAtPercent: string;
  escalations: EscalationDraft[];
};

type Policy = inferRouterOutputs<AppRouter>['slaPolicy']['list'][number];

function toDraft(policy?: Policy): Draft {
  return {
    name: policy?.name ?? '',
    description: policy?.description ?? '',
    enabled: policy?.enabled ?? true,
    calendarId: policy?.calendarId ?? '',
    priorities: policy?.conditions.priorities ?? [],
    channels: policy?.conditions.channels ?? [],
    categoryIds: policy?.conditions.categoryIds ?? [],
    organizationIds: policy?.conditions.organizationIds ?? [],
    tags: (policy?.conditions.tags ?? []).join(', '),
    targets: targetsToDraft(policy?.targets ?? {}),
    warnAtPercent: String(policy?.warnAtPercent ?? 75),
    escalations: (policy?.escalations ?? []).map((e) => ({
      trigger: e.trigger,
      metric: e.metric ?? '',
      afterMinutes: String(e.afterMinutes),
      notifyUserIds: e.actions.notifyUserIds ?? [],
      setPriority: e.actions.setPriority ?? '',
      assignToUserId: e.actions.assignToUserId ?? '',
      assignToTeamId: e.actions.assignToTeamId ?? '',
    })),
  };
}

function toInput(policyId: string | undefined, d: Draft) {
  return {
    ...(policyId ? { policyId } : {}),
    name: d.name,
    description: d.description,
    enabled: d.enabled,
    calendarId: d.calendarId || null,
    conditions: {
      priorities: d.priorities,
      channels: d.channels,
      categoryIds: d.categoryIds,
      organizationIds: d.organizationIds,
      tags: d.tags
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    },
    targets: draftToTargets(d.targets),
    warnAtPercent: d.warnAtPercent.trim() === '' ? Number.NaN : Number(d.warnAtPercent),
    escalations: d.escalations.map(draftToEscalation),
  };
}

function PolicyForm({ policy }: { policy?: Policy }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const calendars = useQuery(trpc.businessCalendar.list.queryOptions());
  const agents = useQuery(trpc.ticket.assignees.queryOptions());
  const teams = useQuery(trpc.team.list.queryOptions());
  const categories = useQuery(trpc.category.list.queryOptions());
  const organizations = useQuery(trpc.organization.list.queryOptions());
  const [draft, setDraft] = useState<Draft>(() => toDraft(policy));
  const [issues, setIssues] = useState<IssueMap>({});
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const save = useMutation(
    trpc.slaPolicy.save.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.slaPolicy.list.queryKey() });
        router.push('/admin/sla');
      },
    }),
  );
  const server = formErrors(save.error, ['name'] as const);
  const nameError = issues.name ?? server.fields.name;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = toInput(policy?.id, draft);
    // The procedure's own schema first, so each message lands beside its input.
    const parsed = saveSlaPolicyInput.safeParse(input);
    setIssues(parsed.success ? {} : issueMap(parsed.error));
    if (parsed.success) save.mutate(input);
  }

  const issueCount = Object.keys(issues).length;
  const agentOptions = (agents.data ?? []).map((a) => ({ id: a.id, name: a.name || a.email }));
  return (
    <Card className="p-4 sm:p-6">
      <form onSubmit={onSubmit} className="space-y-6" noValidate aria-label={policy ? 'Edit policy' : 'New policy'}>
        {issueCount ? (
          <Alert>Fix the {issueCount === 1 ? 'field' : `${issueCount} fields`} marked below, then save again.</Alert>
        ) : null}
        {server.message ? <Alert>{server.message}</Alert> : null}
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="policy-name" label="Name" error={nameError}>
            <Input
              id="policy-name"
              value={draft.name}
              placeholder="Urgent customers"
              onChange={(e) => set({ name: e.target.value })}
              aria-invalid={Boolean(nameError)}
              aria-describedby={nameError ? 'policy-name-error' : undefined}
            />
          </Field>
          <Field
            id="policy-calendar"
            label="Business hours"
            hint="Targets count only open time of this calendar."
            error={issues.calendarId}
          >
            <Select id="policy-calendar" value={draft.calendarId} onChange={(e) => set({ calendarId: e.target.value })}>
              <option value="">24×7 (around the clock)</option>
              {(calendars.data ?? []).map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name} ({c.timeZone})
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <Field
          id="policy-description"
          label="Description"
          hint="Optional: who this policy is for."
          error={issues.description}
        >
          <Textarea
            id="policy-description"
            rows={2}
            value={draft.description}
            onChange={(e) => set({ description: e.target.value })}
          />
        </Field>
        <label className="inline-flex items-center gap-2 text-sm text-slate-800">
          <input
            type="checkbox"
            className="h-4 w-4 rounded border-slate-300"
            checked={draft.enabled}
            onChange={(e) => set({ enabled: e.target.checked })}
          />
          Enabled (a disabled policy is skipped when matching tickets)
        </label>

        <section aria-labelledby="conditions-heading" className="space-y-3">
          <h2 id="conditions-heading" className="text-base font-semibold text-slate-900">
            Applies to
          </h2>
          <p className="text-xs text-slate-500">
            A ticket matches when it meets every condition you set; leave a condition empty for any. The first matching
            policy in the list applies.
          </p>
          <div className="grid gap-4 sm:grid-cols-2">
            <CheckboxGroup
              legend="Priorities"
              options={[...TICKET_PRIORITIES].reverse().map((p) => ({ value: p, label: PRIORITY_LABELS[p] }))}
              value={draft.priorities}
              onChange={(priorities) => set({ priorities })}
            />
            <CheckboxGroup
              legend="Channels"
              options={TICKET_CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }))}
              value={draft.channels}
              onChange={(channels) => set({ channels })}
            />
            <CheckboxGroup
              legend="Categories"
              options={(categories.data ?? [])
                .filter((c) => !c.archivedAt)
                .map((c) => ({ value: c.id, label: c.name }))}
              value={draft.categoryIds}
              onChange={(categoryIds) => set({ categoryIds })}
              emptyText="No ticket categories yet."
            />
            <CheckboxGroup
              legend="Organizations"
              options={(organizations.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
              value={draft.organizationIds}
              onChange={(organizationIds) => set({ organizationIds })}
              emptyText="No organizations yet."
            />
          </div>
          <Field
            id="policy-tags"
            label="Tags"
            hint="Any of these tags, separated by commas."
            error={Object.entries(issues).find(([k]) => k.startsWith('conditions.tags'))?.[1]}
          >
            <Input
              id="policy-tags"
              value={draft.tags}
              placeholder="vip, enterprise"
              onChange={(e) => set({ tags: e.target.value })}
            />
          </Field>
          <FieldError
            id="conditions-error"
            message={
              Object.entries(issues).find(([k]) => k.startsWith('conditions') && !k.startsWith('conditions.tags'))?.[1]
            }
          />
        </section>

        <section aria-labelledby="targets-heading" className="space-y-3">
          <h2 id="targets-heading" className="text-base font-semibold text-slate-900">
            Targets
          </h2>
          <p className="text-xs text-slate-500">
            Business minutes on the chosen calendar. First response: the first public reply. Next response: each reply
            after a customer writes again. Resolution: until solved. Leave a cell empty to not measure it.
          </p>
          <TargetsTable
            idPrefix="policy-target"
            value={draft.targets}
            onChange={(targets) => set({ targets })}
            issues={issues}
          />
          <div className="sm:w-60">
            <Field
              id="policy-warn"
              label="Warn at (% of the target)"
              hint="The ticket shows “at risk” from this point."
              error={issues.warnAtPercent}
            >
              <Input
                id="policy-warn"
                inputMode="numeric"
                value={draft.warnAtPercent}
                onChange={(e) => set({ warnAtPercent: e.target.value })}
                aria-invalid={Boolean(issues.warnAtPercent)}
                aria-describedby={issues.warnAtPercent ? 'policy-warn-error' : undefined}
              />
            </Field>
          </div>
        </section>

        <EscalationsEditor
          value={draft.escalations}
          onChange={(escalations) => set({ escalations })}
          agents={agentOptions}
          teams={(teams.data ?? []).map((t) => ({ id: t.id, name: t.name }))}
          issues={issues}
        />

        <EditorActions what="policy" pending={save.isPending} />
      </form>
    </Card>
  );
}

/** Create (no id) or edit an SLA policy with its conditions, targets and escalation levels. */
export function PolicyEditor({ policyId }: { policyId?: string }) {
  const trpc = useTRPC();
  const policies = useQuery({ ...trpc.slaPolicy.list.queryOptions(), enabled: Boolean(policyId) });
  if (!policyId) return <PolicyForm />;
  if (policies.isPending) return <SkeletonList rows={5} label="Loading policy" />;
  const policy = policies.data?.find((p) => p.id === policyId);
  if (!policy) {
    return (
      <Alert>
        This policy no longer exists.{' '}
        <Link href="/admin/sla" className="underline">
          Back to SLA settings
        </Link>
      </Alert>
    );
  }
  return <PolicyForm policy={policy} />;
}

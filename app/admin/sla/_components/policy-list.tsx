'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Alert, Card, EmptyState } from '@/components/ui/card';
import { ConfirmMutationDialog } from '@/components/ui/confirm-dialog';
import { SkeletonList } from '@/components/ui/skeleton';
import { CHANNEL_LABELS, PRIORITY_LABELS } from '@/components/ticket/ticket-labels';
import { SLA_METRICS, SLA_METRIC_LABELS } from '@/lib/constants/sla';
import { TICKET_PRIORITIES, type TicketChannel, type TicketPriority } from '@/lib/constants/ticket';
import { describeError } from '@/lib/trpc/errors';
import { useTRPC } from '@/lib/trpc/client';
import { formatMinutesShort } from '@/components/sla/format-sla';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/routers/_app';
import { MoveButtons } from '@/components/ui/move-buttons';

type Policy = inferRouterOutputs<AppRouter>['slaPolicy']['list'][number];

function conditionsText(policy: Policy) {
  const c = policy.conditions;
  const parts: string[] = [];
  if (c.priorities?.length)
    parts.push(`priority ${c.priorities.map((p: TicketPriority) => PRIORITY_LABELS[p]).join(' or ')}`);
  if (c.channels?.length)
    parts.push(`channel ${c.channels.map((ch: TicketChannel) => CHANNEL_LABELS[ch]).join(' or ')}`);
  if (c.tags?.length) parts.push(`tagged ${c.tags.map((t) => `#${t}`).join(' or ')}`);
  if (c.categoryIds?.length) parts.push(`${c.categoryIds.length} categor${c.categoryIds.length === 1 ? 'y' : 'ies'}`);
  if (c.organizationIds?.length)
    parts.push(`${c.organizationIds.length} organization${c.organizationIds.length === 1 ? '' : 's'}`);
  return parts.length ? `Tickets with ${parts.join(', ')}` : 'Every ticket';
}

function targetsText(policy: Policy) {
  const lines: string[] = [];
  for (const p of [...TICKET_PRIORITIES].reverse()) {
    const row = policy.targets[p];
    const cells = SLA_METRICS.filter((m) => row?.[m] != null).map(
      (m) =>
        `${SLA_METRIC_LABELS[m].toLowerCase()} ${formatMinutesShort(row![m]!, { businessHours: policy.calendarId !== null })}`,
    );
    if (cells.length) lines.push(`${PRIORITY_LABELS[p]}: ${cells.join(', ')}`);
  }
  return lines;
}

/** Policies in matching order (first match wins), with move up/down saved through reorder. */
export function PolicyList() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const policies = useQuery(trpc.slaPolicy.list.queryOptions());
  const calendars = useQuery(trpc.businessCalendar.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.slaPolicy.list.queryKey() });
  const reorder = useMutation(
    trpc.slaPolicy.reorder.mutationOptions({
      onSuccess: (list) => queryClient.setQueryData(trpc.slaPolicy.list.queryKey(), list),
    }),
  );
  const remove = useMutation(trpc.slaPolicy.delete.mutationOptions({ onSuccess: refresh }));

  if (policies.isPending) return <SkeletonList rows={3} label="Loading policies" />;
  if (policies.isError) return <p className="text-sm text-red-700">{describeError(policies.error).message}</p>;
  const list = policies.data;
  if (!list.length) {
    return (
      <EmptyState
        title="No SLA policies yet"
        description="Every ticket uses the workspace defaults below, around the clock. Add a policy for different targets, business hours or escalations."
        action={
          <Button asChild>
            <Link href="/admin/sla/policies/new">New policy</Link>
          </Button>
        }
      />
    );
  }
  const calendarName = (id: string | null) =>
    id ? (calendars.data?.find((c) => c.id === id)?.name ?? 'a calendar') : '24×7';
  const order = list.map((p) => p.id);

  return (
    <div className="space-y-2">
      {reorder.error ? <Alert>{describeError(reorder.error).message}</Alert> : null}
      <ol aria-label="SLA policies in matching order" className="space-y-3">
        {list.map((policy, index) => (
          <li key={policy.id}>
            <Card className="flex flex-col gap-3 p-4 sm:flex-row sm:items-start">
              <span
                className="hidden h-7 w-7 shrink-0 items-center justify-center rounded-full bg-slate-100 text-sm font-semibold text-slate-700 sm:flex"
                aria-hidden="true"
              >
                {index + 1}
              </span>
              <div className="min-w-0 flex-1 space-y-1">
                <div className="flex flex-wrap items-center gap-2">
                  <h3 className="font-semibold text-slate-900">
                    <span className="sr-only">{index + 1}. </span>
                    {policy.name}
                  </h3>
                  {policy.enabled ? null : <Badge>Disabled</Badge>}
                  <span className="text-xs text-slate-500">
                    {calendarName(policy.calendarId)} · warns at {policy.warnAtPercent}% ·{' '}
                    {policy.escalations.length
                      ? `${policy.escalations.length} escalation level${policy.escalations.length === 1 ? '' : 's'}`
                      : 'no escalations'}
                  </span>
                </div>
                <p className="text-sm text-slate-700">{conditionsText(policy)}</p>
                <ul className="text-xs text-slate-600">
                  {targetsText(policy).map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              </div>
              <div className="flex shrink-0 flex-wrap gap-1">
                <MoveButtons
                  name={policy.name}
                  order={order}
                  index={index}
                  disabled={reorder.isPending}
                  onReorder={(policyIds) => reorder.mutate({ policyIds })}
                />
                <Button asChild variant="secondary" size="sm">
                  <Link href={`/admin/sla/policies/${policy.id}`} aria-label={`Edit ${policy.name}`}>
                    Edit
                  </Link>
                </Button>
                <ConfirmMutationDialog
                  mutation={remove}
                  variables={{ policyId: policy.id }}
                  trigger={
                    <Button variant="ghost" size="sm" aria-label={`Delete ${policy.name}`}>
                      Delete
                    </Button>
                  }
                  title={`Delete ${policy.name}?`}
                  description="Tickets it applied to move to the next matching policy or the workspace defaults; their due times are recomputed."
                  confirmLabel="Delete policy"
                />
              </div>
            </Card>
          </li>
        ))}
      </ol>
    </div>
  );
}

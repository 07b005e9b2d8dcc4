'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, EmptyState, Spinner } from '@/components/ui/card';
import { ConfirmMutationDialog } from '@/components/ui/confirm-dialog';
import { ErrorAlert } from '@/components/ui/error-alert';
import { RULE_TRIGGER_LABELS, TIME_SINCE_LABELS, type RuleTrigger } from '@/lib/constants/automation';
import { useTRPC } from '@/lib/trpc/client';
import { MoveButtons } from '@/components/ui/move-buttons';

/** The rules of one kind in the order they run, with their switch, stats, last error and order buttons. */
function RuleTable({ kind }: { kind: 'event' | 'time' }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const rules = useQuery(trpc.automationRule.list.queryOptions());
  const listKey = trpc.automationRule.list.queryKey();
  const refresh = () => queryClient.invalidateQueries({ queryKey: listKey });
  const reorder = useMutation(
    trpc.automationRule.reorder.mutationOptions({ onSuccess: (data) => queryClient.setQueryData(listKey, data) }),
  );
  const toggle = useMutation(trpc.automationRule.setEnabled.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.automationRule.delete.mutationOptions({ onSuccess: refresh }));
  if (rules.isPending) return <Spinner label="Loading rules" />;
  if (rules.error) return <ErrorAlert error={rules.error} onRetry={() => rules.refetch()} />;
  const list = rules.data.filter((r) => r.kind === kind);
  if (!list.length)
    return (
      <EmptyState
        title={kind === 'event' ? 'No event rules yet' : 'No time rules yet'}
        description={
          kind === 'event'
            ? 'Tag, route or answer tickets as they come in.'
            : 'Act on tickets that have waited too long.'
        }
      />
    );
  const order = list.map((r) => r.id);
  return (
    <div className="space-y-2">
      {reorder.error ? <ErrorAlert error={reorder.error} /> : null}
      {toggle.error ? <ErrorAlert error={toggle.error} /> : null}
      <ol className="space-y-2">
        {list.map((rule, index) => (
          <li key={rule.id}>
            <Card className="flex flex-wrap items-start gap-3">
              <MoveButtons
                className="flex-col"
                name={rule.name}
                order={order}
                index={index}
                disabled={reorder.isPending}
                onReorder={(ruleIds) => reorder.mutate({ ruleIds })}
              />
              <div className="min-w-0 flex-1 space-y-1">
                <p className="flex flex-wrap items-center gap-2">
                  <Link
                    href={`/admin/rules/${rule.id}`}
                    className="font-medium text-slate-900 underline-offset-2 hover:underline"
                  >
                    {rule.name}
                  </Link>
                  {rule.builtin ? <Badge>built-in</Badge> : null}
                  {rule.enabled ? <Badge tone="success">on</Badge> : <Badge>off</Badge>}
                </p>
                <p className="text-xs text-slate-600">
                  {rule.kind === 'event'
                    ? `When: ${rule.triggers.map((t) => RULE_TRIGGER_LABELS[t as RuleTrigger] ?? t).join(', ')}`
                    : `After ${rule.time?.hours} hours since ${rule.time ? TIME_SINCE_LABELS[rule.time.since] : ''}`}
                  {' · '}
                  {rule.actions.length} action(s) · fired {rule.firedCount} time(s)
                  {rule.lastFiredAt ? `, last ${new Date(rule.lastFiredAt).toLocaleString()}` : ''}
                </p>
                {rule.lastErrors[0] ? (
                  <p className="text-xs text-red-700" role="note">
                    Last error ({new Date(rule.lastErrors[0].at).toLocaleString()}): {rule.lastErrors[0].message}
                  </p>
                ) : null}
              </div>
              <div className="flex items-center gap-2">
                <label className="flex items-center gap-1 text-sm">
                  <input
                    type="checkbox"
                    checked={rule.enabled}
                    disabled={toggle.isPending}
                    onChange={(e) => toggle.mutate({ ruleId: rule.id, enabled: e.target.checked })}
                  />
                  <span className="sr-only">{rule.name}</span> Enabled
                </label>
                {rule.builtin ? null : (
                  <ConfirmMutationDialog
                    trigger={
                      <Button variant="ghost" size="sm">
                        Delete
                      </Button>
                    }
                    title={`Delete "${rule.name}"?`}
                    description="The rule stops acting. What it already did to tickets stays, and their activity still names it."
                    confirmLabel="Delete rule"
                    mutation={remove}
                    variables={{ ruleId: rule.id }}
                  />
                )}
              </div>
            </Card>
          </li>
        ))}
      </ol>
    </div>
  );
}

export function RuleList() {
  return (
    <div className="space-y-8">
      <section aria-labelledby="event-rules-heading" className="space-y-3">
        <h2 id="event-rules-heading" className="text-lg font-semibold">
          Event rules
        </h2>
        <p className="text-sm text-slate-600">
          Run in this order on each event; each sees what the ones above it changed.
        </p>
        <RuleTable kind="event" />
      </section>
      <section aria-labelledby="time-rules-heading" className="space-y-3">
        <h2 id="time-rules-heading" className="text-lg font-semibold">
          Time rules
        </h2>
        <p className="text-sm text-slate-600">Checked every minute; each acts once per ticket per waiting period.</p>
        <RuleTable kind="time" />
      </section>
    </div>
  );
}

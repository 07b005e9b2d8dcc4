'use client';

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Alert, Spinner } from '@/components/ui/card';
import { ErrorAlert } from '@/components/ui/error-alert';
import { Select } from '@/components/ui/select';
import { DRY_RUN_WINDOWS } from '@/lib/constants/automation';
import { useTRPC } from '@/lib/trpc/client';
import type { SaveRuleInput } from '@/lib/validators/automation';

const describeChange = (field: string, value: unknown) =>
  `${field} → ${Array.isArray(value) ? value.join(', ') || '(none)' : value === null ? '(empty)' : typeof value === 'object' ? JSON.stringify(value) : String(value)}`;

/**
 * Replays the workspace's recorded events of the last 7 or 30 days through the rule as it stands in the
 * form, writing nothing, and lists the tickets it would act on and what it would do to each.
 */
export function DryRunPanel({ currentRule }: { currentRule: () => SaveRuleInput | null }) {
  const trpc = useTRPC();
  const [days, setDays] = useState<7 | 30>(7);
  const [invalid, setInvalid] = useState(false);
  const dryRun = useMutation(trpc.automationRule.dryRun.mutationOptions());
  const result = dryRun.data;
  return (
    <section aria-labelledby="dry-run-heading" className="space-y-3 rounded-md border border-slate-200 bg-slate-50 p-4">
      <h2 id="dry-run-heading" className="text-lg font-semibold">
        Dry run
      </h2>
      <p className="text-sm text-slate-600">See what this rule would have done, without changing anything.</p>
      <div className="flex flex-wrap items-center gap-2">
        <Select
          aria-label="Dry-run window"
          className="w-auto"
          value={days}
          onChange={(e) => setDays(Number(e.target.value) as 7 | 30)}
        >
          {DRY_RUN_WINDOWS.map((d) => (
            <option key={d} value={d}>
              Last {d} days
            </option>
          ))}
        </Select>
        <Button
          type="button"
          variant="secondary"
          disabled={dryRun.isPending}
          onClick={() => {
            const rule = currentRule();
            setInvalid(!rule);
            if (rule) dryRun.mutate({ rule, days });
          }}
        >
          {dryRun.isPending ? <Spinner label="Running" /> : null}
          Run dry run
        </Button>
      </div>
      {invalid ? <Alert>Fix the rule&apos;s errors above first.</Alert> : null}
      {dryRun.error ? <ErrorAlert error={dryRun.error} /> : null}
      {result ? (
        <div className="space-y-2" aria-live="polite">
          {result.warning ? <Alert>{result.warning}</Alert> : null}
          <p className="text-sm font-medium" data-testid="dry-run-summary">
            Would act on {result.matchedTickets} of {result.ticketsInWindow} tickets ({result.actions} times) in the
            last {result.days} days{result.truncated ? ' (window cut off: very busy)' : ''}.
          </p>
          {result.matches.length ? (
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm">
                <thead className="text-xs uppercase text-slate-500">
                  <tr>
                    <th className="py-1 pr-3">Ticket</th>
                    <th className="py-1 pr-3">On</th>
                    <th className="py-1">Would</th>
                  </tr>
                </thead>
                <tbody>
                  {result.matches.map((m, i) => (
                    <tr key={`${m.ticketId}-${i}`} className="border-t border-slate-200 align-top">
                      <td className="py-1 pr-3">
                        #{m.number} {m.subject}
                      </td>
                      <td className="py-1 pr-3 text-slate-600">{m.eventType ?? 'time'}</td>
                      <td className="py-1">
                        <ul>
                          {Object.entries(m.changes).map(([field, value]) => (
                            <li key={field}>{describeChange(field, value)}</li>
                          ))}
                          {m.notes.length ? <li>add {m.notes.length} internal note(s)</li> : null}
                          {m.replies.length ? <li>send {m.replies.length} auto-response(s)</li> : null}
                          {m.notifications.length ? <li>notify {m.notifications.length} time(s)</li> : null}
                          {m.macroIds.length ? <li>apply {m.macroIds.length} macro(s)</li> : null}
                          {m.assignByPolicy ? <li>assign by policy</li> : null}
                        </ul>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p className="text-sm text-slate-500">No ticket in the window would have matched.</p>
          )}
        </div>
      ) : null}
    </section>
  );
}

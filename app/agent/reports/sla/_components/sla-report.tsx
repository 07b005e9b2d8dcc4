'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Alert, Card } from '@/components/ui/card';
import { Field, Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { SkeletonList } from '@/components/ui/skeleton';
import { PRIORITY_LABELS } from '@/components/ticket/ticket-labels';
import { SLA_METRIC_LABELS } from '@/lib/constants/sla';
import { TICKET_PRIORITIES, type TicketPriority } from '@/lib/constants/ticket';
import { describeError } from '@/lib/trpc/errors';
import { useTRPC } from '@/lib/trpc/client';
import { slaMetricsInput } from '@/lib/validators/sla';
import { cn } from '@/lib/utils/cn';

const pad = (n: number) => String(n).padStart(2, '0');
const isoDay = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
/** Local midnight of a 'YYYY-MM-DD' day; null while the field is half-typed. */
function localDay(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : null;
}

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`);

function Stat({
  label,
  value,
  detail,
  tone,
}: {
  label: string;
  value: string;
  detail: string;
  tone?: 'danger' | 'warning';
}) {
  return (
    <Card className="p-4">
      <p className="text-sm text-slate-600">{label}</p>
      <p
        className={cn(
          'mt-1 text-2xl font-semibold tabular-nums',
          tone === 'danger' ? 'text-red-700' : tone === 'warning' ? 'text-amber-700' : 'text-slate-900',
        )}
      >
        {value}
      </p>
      <p className="text-xs text-slate-500">{detail}</p>
    </Card>
  );
}

/** A rate with a bar: the bar repeats the number for the eye, the number is what is read. */
function Rate({ rate }: { rate: number | null }) {
  return (
    <span className="inline-flex items-center gap-2">
      <span className="w-12 text-right tabular-nums">{percent(rate)}</span>
      <span aria-hidden="true" className="hidden h-1.5 w-16 overflow-hidden rounded bg-slate-100 sm:inline-block">
        <span
          className={cn('block h-full', rate !== null && rate < 0.8 ? 'bg-red-500' : 'bg-emerald-500')}
          style={{ width: `${Math.round((rate ?? 0) * 100)}%` }}
        />
      </span>
    </span>
  );
}

/** SLA results for a date range (last 30 days by default), by priority and team. */
export function SlaReport() {
  const trpc = useTRPC();
  const teams = useQuery(trpc.team.list.queryOptions());
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [priority, setPriority] = useState<TicketPriority | ''>('');
  const [teamId, setTeamId] = useState('');
  // The default range is the viewer's last 30 days, so it is set once mounted (the server has no zone).
  useEffect(() => {
    const today = new Date();
    setTo(isoDay(today));
    setFrom(isoDay(new Date(today.getFullYear(), today.getMonth(), today.getDate() - 29)));
  }, []);

  const start = localDay(from);
  const endDay = localDay(to);
  const end = endDay ? new Date(endDay.getFullYear(), endDay.getMonth(), endDay.getDate() + 1) : null;
  const input = {
    from: start ?? undefined,
    to: end ?? undefined,
    ...(priority ? { priority } : {}),
    ...(teamId ? { teamId } : {}),
  };
  const parsed = slaMetricsInput.safeParse(input);
  const fieldError = (name: 'from' | 'to') =>
    parsed.success || !from || !to ? undefined : parsed.error.issues.find((i) => i.path[0] === name)?.message;
  const metrics = useQuery({
    ...trpc.slaReport.metrics.queryOptions(parsed.success ? parsed.data : { from: new Date(0), to: new Date(1) }),
    enabled: parsed.success,
    placeholderData: keepPreviousData,
  });

  return (
    <div className="space-y-6">
      <form className="grid gap-3 sm:grid-cols-4" aria-label="Report filters" onSubmit={(e) => e.preventDefault()}>
        <Field id="report-from" label="From" error={fieldError('from')}>
          <Input
            id="report-from"
            type="date"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
            aria-invalid={Boolean(fieldError('from'))}
          />
        </Field>
        <Field id="report-to" label="To (inclusive)" error={fieldError('to')}>
          <Input
            id="report-to"
            type="date"
            value={to}
            onChange={(e) => setTo(e.target.value)}
            aria-invalid={Boolean(fieldError('to'))}
          />
        </Field>
        <Field id="report-priority" label="Priority">
          <Select
            id="report-priority"
            value={priority}
            onChange={(e) => setPriority(e.target.value as TicketPriority | '')}
          >
            <option value="">All priorities</option>
            {[...TICKET_PRIORITIES].reverse().map((p) => (
              <option key={p} value={p}>
                {PRIORITY_LABELS[p]}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="report-team" label="Team">
          <Select id="report-team" value={teamId} onChange={(e) => setTeamId(e.target.value)}>
            <option value="">All teams</option>
            {(teams.data ?? []).map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </Select>
        </Field>
      </form>

      {metrics.isError ? <Alert>{describeError(metrics.error).message}</Alert> : null}
      {!metrics.data ? (
        <SkeletonList rows={4} label="Loading SLA report" />
      ) : (
        <div className={cn('space-y-6', metrics.isFetching && 'opacity-70')} aria-busy={metrics.isFetching}>
          {(() => {
            const data = metrics.data;
            const fr = data.byMetric.find((m) => m.metric === 'first_response')!;
            const res = data.byMetric.find((m) => m.metric === 'resolution')!;
            return (
              <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
                <Stat
                  label="First-response SLA"
                  value={percent(data.firstResponseRate)}
                  detail={`${fr.metInTime} met in time of ${fr.metInTime + fr.breached} decided`}
                />
                <Stat
                  label="Resolution SLA"
                  value={percent(data.resolutionRate)}
                  detail={`${res.metInTime} met in time of ${res.metInTime + res.breached} decided`}
                />
                <Stat
                  label="Breached"
                  value={String(data.breached)}
                  detail="targets late or overdue"
                  tone={data.breached ? 'danger' : undefined}
                />
                <Stat
                  label="At risk"
                  value={String(data.atRisk)}
                  detail="running targets past their warning"
                  tone={data.atRisk ? 'warning' : undefined}
                />
              </div>
            );
          })()}
          {metrics.data.byMetric.every((m) => m.measured === 0) ? (
            <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-8 text-center text-sm text-slate-600">
              No SLA clocks started in this range with these filters.
            </p>
          ) : (
            <Card className="overflow-x-auto p-0">
              <table className="w-full min-w-[40rem] text-sm">
                <caption className="sr-only">SLA results by priority and metric</caption>
                <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
                  <tr>
                    <th scope="col" className="px-3 py-2 font-medium">
                      Priority
                    </th>
                    <th scope="col" className="px-3 py-2 font-medium">
                      Target
                    </th>
                    <th scope="col" className="px-3 py-2 text-right font-medium">
                      Measured
                    </th>
                    <th scope="col" className="px-3 py-2 text-right font-medium">
                      Met in time
                    </th>
                    <th scope="col" className="px-3 py-2 text-right font-medium">
                      Breached
                    </th>
                    <th scope="col" className="px-3 py-2 text-right font-medium">
                      At risk
                    </th>
                    <th scope="col" className="px-3 py-2 text-right font-medium">
                      Running
                    </th>
                    <th scope="col" className="px-3 py-2 font-medium">
                      Rate
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {[...metrics.data.byPriority].reverse().flatMap((row) =>
                    row.metrics
                      .filter((m) => m.measured > 0)
                      .map((m, index) => (
                        <tr key={`${row.priority}-${m.metric}`}>
                          <th scope="row" className="px-3 py-2 text-left font-medium text-slate-800">
                            {index === 0 ? (
                              PRIORITY_LABELS[row.priority]
                            ) : (
                              <span className="sr-only">{PRIORITY_LABELS[row.priority]}</span>
                            )}
                          </th>
                          <td className="px-3 py-2">{SLA_METRIC_LABELS[m.metric]}</td>
                          <td className="px-3 py-2 text-right tabular-nums">{m.measured}</td>
                          <td className="px-3 py-2 text-right tabular-nums">{m.metInTime}</td>
                          <td
                            className={cn(
                              'px-3 py-2 text-right tabular-nums',
                              m.breached > 0 && 'font-semibold text-red-700',
                            )}
                          >
                            {m.breached}
                          </td>
                          <td className={cn('px-3 py-2 text-right tabular-nums', m.atRisk > 0 && 'text-amber-700')}>
                            {m.atRisk}
                          </td>
                          <td className="px-3 py-2 text-right tabular-nums">{m.running}</td>
                          <td className="px-3 py-2">
                            <Rate rate={m.rate} />
                          </td>
                        </tr>
                      )),
                  )}
                </tbody>
                <tfoot className="border-t-2 border-slate-200 bg-slate-50">
                  {metrics.data.byMetric.map((m) => (
                    <tr key={m.metric}>
                      <th scope="row" className="px-3 py-2 text-left font-medium text-slate-800">
                        All
                      </th>
                      <td className="px-3 py-2">{SLA_METRIC_LABELS[m.metric]}</td>
                      <td className="px-3 py-2 text-right tabular-nums">{m.measured}</td>
                      <td className="px-3 py-2 text-right tabular-nums">{m.metInTime}</td>
                      <td className="px-3 py-2 text-right tabular-nums">{m.breached}</td>
                      <td className="px-3 py-2 text-right tabular-nums">{m.atRisk}</td>
                      <td className="px-3 py-2 text-right tabular-nums">{m.running}</td>
                      <td className="px-3 py-2">
                        <Rate rate={m.rate} />
                      </td>
                    </tr>
                  ))}
                </tfoot>
              </table>
            </Card>
          )}
        </div>
      )}
    </div>
  );
}

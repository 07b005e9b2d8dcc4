'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState, type ReactNode } from 'react';
import { CHANNEL_LABELS, PRIORITY_LABELS } from '@/components/ticket/ticket-labels';
import { Card, EmptyState } from '@/components/ui/card';
import { ErrorAlert } from '@/components/ui/error-alert';
import { Field, Input } from '@/components/ui/input';
import { SelectField } from '@/components/ui/select-field';
import { SkeletonList } from '@/components/ui/skeleton';
import { SLA_METRIC_LABELS } from '@/lib/constants/sla';
import type { TicketChannel, TicketPriority } from '@/lib/constants/ticket';
import { presetRange, RANGE_PRESET_LABELS, RANGE_PRESETS, type RangePreset } from '@/lib/reports/presets';
import { activeFilters } from '@/lib/reports/report-filters';
import type { ReportFilterDimension } from '@/lib/reports/rollup-measures';
import { useTRPC } from '@/lib/trpc/client';
import { reportRangeInput, type ReportDrillMetric } from '@/lib/validators/reports';
import { Bars, DailyLines, HourHeatmap } from './charts';
import { DashboardFilters, FILTER_LABELS, type ChosenFilters } from './dashboard-filters';
import { DataTable } from './data-table';
import { change, decimal, duration, percent, WEEKDAY_SHORT } from './format';
import { ticketsHref, type ReportQuery } from './report-links';
import { StatCard } from './stat-card';

function Section({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <Card className="space-y-3 p-4">
      <div className="flex items-center justify-between gap-2">
        <h2 className="text-lg font-semibold text-slate-900">{title}</h2>
        {actions}
      </div>
      {children}
    </Card>
  );
}

/** The figures of one period the headline cards read (a period of the dashboard's output). */
type PeriodFigures = {
  created: number;
  solved: number;
  backlog: number;
  reopened: number;
  firstResponse: { calendar: { median: number | null } };
  resolution: { calendar: { median: number | null } };
  slaCompliance: number | null;
  csatAverage: number | null;
};

/** The headline cards: the figure, how it is written, and the drill-down list it counts (if any). */
const HEADLINE: ReadonlyArray<{
  label: string;
  pick: (period: PeriodFigures) => number | null;
  show: (value: number | null) => string;
  metric?: ReportDrillMetric;
}> = [
  { label: 'Created', pick: (p) => p.created, show: String, metric: 'created' },
  { label: 'Solved', pick: (p) => p.solved, show: String, metric: 'solved' },
  { label: 'Backlog at end', pick: (p) => p.backlog, show: String },
  { label: 'Reopened', pick: (p) => p.reopened, show: String, metric: 'reopened' },
  {
    label: 'First response (median)',
    pick: (p) => p.firstResponse.calendar.median,
    show: duration,
    metric: 'responded',
  },
  { label: 'Resolution (median)', pick: (p) => p.resolution.calendar.median, show: duration, metric: 'solved' },
  { label: 'SLA compliance', pick: (p) => p.slaCompliance, show: percent, metric: 'sla_breached' },
  { label: 'CSAT (average of 5)', pick: (p) => p.csatAverage, show: (v) => decimal(v), metric: 'rated' },
];

/** The speed table: each measure on each clock, this period's median and 90th percentile, the last one's median. */
const SPEED_MEASURES = [
  { label: 'First response', key: 'firstResponse' },
  { label: 'Resolution', key: 'resolution' },
] as const;
const CLOCKS = [
  { label: 'calendar hours', key: 'calendar' },
  { label: 'business hours', key: 'business' },
] as const;

/** The support dashboard: one range of the workspace's days, compared with the period before, any filters. */
export function SupportDashboard() {
  const trpc = useTRPC();
  const calendar = useQuery(trpc.report.calendar.queryOptions());
  const [preset, setPreset] = useState<RangePreset>('last_30');
  const [custom, setCustom] = useState({ from: '', to: '' });
  const [chosen, setChosen] = useState<ChosenFilters>({});

  const today = calendar.data?.today;
  const range = preset === 'custom' ? custom : today ? presetRange(preset, today) : null;
  const filters = Object.fromEntries(activeFilters(chosen).map(([d, option]) => [d, option.value]));
  const filtered = Object.keys(filters).length > 0;
  const parsed = range ? reportRangeInput.safeParse({ ...range, ...(filtered ? { filters } : {}) }) : null;
  const input = parsed?.success ? parsed.data : null;
  const enabled = Boolean(input);
  const fallback = { from: '2000-01-01', to: '2000-01-01' };
  const dashboard = useQuery({
    ...trpc.report.dashboard.queryOptions(input ?? fallback),
    enabled,
    placeholderData: keepPreviousData,
  });
  const selfService = useQuery({
    ...trpc.report.selfService.queryOptions(input ? { from: input.from, to: input.to } : fallback),
    enabled,
    placeholderData: keepPreviousData,
  });
  const rangeError =
    parsed && !parsed.success && custom.from && custom.to ? parsed.error.issues[0]?.message : undefined;

  const d = dashboard.data;
  const q: ReportQuery = input ?? fallback;
  // Values to filter by: the workspace's (the breakdowns and the agents table are never filtered).
  const optionsFor = (dimension: ReportFilterDimension) => {
    switch (dimension) {
      case 'team':
        return (d?.byTeam ?? []).map((r) => ({ value: r.value, label: r.label }));
      case 'agent':
        return (d?.agents ?? []).map((a) => ({ value: a.agentId, label: a.name }));
      case 'category':
        return (d?.byCategory ?? []).map((r) => ({ value: r.value, label: r.label }));
      case 'tag':
        return (d?.byTag ?? []).map((r) => ({ value: r.value, label: r.label }));
      case 'channel':
        return Object.entries(CHANNEL_LABELS).map(([v, label]) => ({ value: v, label }));
      case 'priority':
        return Object.entries(PRIORITY_LABELS).map(([v, label]) => ({ value: v, label }));
    }
  };

  return (
    <div className="space-y-6">
      <form
        className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5"
        aria-label="Dashboard range and filters"
        onSubmit={(e) => e.preventDefault()}
      >
        <SelectField
          id="report-preset"
          label="Range"
          value={preset}
          onValueChange={(p) => {
            if (p === 'custom' && range) setCustom(range);
            setPreset(p);
          }}
          options={RANGE_PRESETS.map((p) => ({ value: p, label: RANGE_PRESET_LABELS[p] }))}
        />
        {preset === 'custom'
          ? (['from', 'to'] as const).map((end) => (
              // A range problem is reported once, beside its start.
              <Field
                key={end}
                id={`report-${end}`}
                label={end === 'from' ? 'From' : 'To (inclusive)'}
                error={end === 'from' ? rangeError : undefined}
              >
                <Input
                  id={`report-${end}`}
                  type="date"
                  value={custom[end]}
                  onChange={(e) => setCustom({ ...custom, [end]: e.target.value })}
                />
              </Field>
            ))
          : null}
        <DashboardFilters chosen={chosen} onChange={setChosen} optionsFor={optionsFor} />
      </form>
      <p className="text-sm text-slate-600">
        {input ? (
          <>
            {input.from} to {input.to}
            {calendar.data ? ` (days in ${calendar.data.timeZone})` : ''}, compared with {d?.previousRange.from ?? '…'}{' '}
            to {d?.previousRange.to ?? '…'}.
          </>
        ) : null}{' '}
        <Link href="/agent/reports/sla" className="text-indigo-700 underline-offset-2 hover:underline">
          Detailed SLA report
        </Link>
      </p>

      {calendar.error ? <ErrorAlert error={calendar.error} onRetry={() => calendar.refetch()} /> : null}
      {dashboard.error ? <ErrorAlert error={dashboard.error} onRetry={() => dashboard.refetch()} /> : null}
      {!d && !dashboard.error ? <SkeletonList rows={6} label="Loading the dashboard" /> : null}
      {d && d.current.created === 0 && d.current.solved === 0 && d.current.backlog === 0 ? (
        <EmptyState
          title="No tickets in this range"
          description={filtered ? 'Choose a longer range or remove a filter.' : 'Choose a longer range.'}
        />
      ) : null}
      {d ? (
        <div
          className={dashboard.isPlaceholderData ? 'space-y-6 opacity-60' : 'space-y-6'}
          aria-busy={dashboard.isFetching}
        >
          <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
            {HEADLINE.map((card) => (
              <StatCard
                key={card.label}
                label={card.label}
                value={card.show(card.pick(d.current))}
                comparison={change(card.pick(d.current), card.pick(d.previous))}
                href={card.metric ? ticketsHref(q, card.metric) : undefined}
              />
            ))}
          </div>

          <Section title="Volume">
            <DailyLines
              data={d.series}
              lines={[
                { key: 'created', label: 'Created' },
                { key: 'solved', label: 'Solved' },
                { key: 'reopened', label: 'Reopened' },
                { key: 'backlog', label: 'Backlog' },
              ]}
            />
            <DataTable
              hidden
              caption="Tickets per day"
              filename="volume-per-day.csv"
              columns={['Day', 'Created', 'Solved', 'Reopened', 'Backlog at end']}
              rows={d.series.map((s) => {
                const day = { from: s.day, to: s.day, filters: q.filters };
                return [
                  s.day,
                  { value: s.created, href: ticketsHref(day, 'created') },
                  { value: s.solved, href: ticketsHref(day, 'solved') },
                  { value: s.reopened, href: ticketsHref(day, 'reopened') },
                  s.backlog,
                ];
              })}
            />
            <div className="grid gap-4 lg:grid-cols-3">
              {(
                [
                  ['channel', 'By channel', d.byChannel, (v: string) => CHANNEL_LABELS[v as TicketChannel] ?? v],
                  ['priority', 'By priority', d.byPriority, (v: string) => PRIORITY_LABELS[v as TicketPriority] ?? v],
                  ['category', 'By category', d.byCategory, null],
                ] as const
              ).map(([dim, title, rows, labelOf]) => (
                <div key={dim}>
                  <h3 className="mb-1 text-sm font-medium text-slate-700">{title}</h3>
                  <Bars data={rows.map((r) => ({ label: labelOf ? labelOf(r.value) : r.label, value: r.created }))} />
                  <DataTable
                    caption={`Tickets created ${title.toLowerCase()}`}
                    filename={`created-${dim}.csv`}
                    columns={[FILTER_LABELS[dim], 'Created']}
                    rows={rows.map((r) => [
                      labelOf ? labelOf(r.value) : r.label,
                      { value: r.created, href: ticketsHref(q, 'created', { [dim]: r.value }) },
                    ])}
                  />
                </div>
              ))}
            </div>
            {activeFilters(d.filters).length ? (
              <p className="text-xs text-slate-500">The breakdowns show the whole workspace.</p>
            ) : null}
            <h3 className="text-sm font-medium text-slate-700">Busiest hours (tickets created, weekday × hour)</h3>
            <HourHeatmap cells={d.busiestHours} />
            <DataTable
              hidden
              caption="Tickets created by weekday and hour"
              filename="busiest-hours.csv"
              columns={['Weekday', 'Hour', 'Created']}
              rows={[...d.busiestHours]
                .sort((a, b) => a.weekday - b.weekday || a.hour - b.hour)
                .map((c) => [WEEKDAY_SHORT[c.weekday]!, `${String(c.hour).padStart(2, '0')}:00`, c.count])}
            />
          </Section>

          <Section title="Speed">
            <DataTable
              caption="Response and resolution times"
              filename="speed.csv"
              columns={['Measure', 'Median', '90th percentile', 'Previous median']}
              rows={SPEED_MEASURES.flatMap((measure) =>
                CLOCKS.map((clock) => {
                  const [now, before] = [d.current[measure.key][clock.key], d.previous[measure.key][clock.key]];
                  return [
                    `${measure.label}, ${clock.label}`,
                    duration(now.median),
                    duration(now.p90),
                    duration(before.median),
                  ];
                }),
              )}
            />
            <p className="text-sm text-slate-700">
              Replies per solved ticket: <strong>{decimal(d.current.repliesPerSolved)}</strong> · One-touch resolution:{' '}
              <Link className="font-semibold text-indigo-700 hover:underline" href={ticketsHref(q, 'one_touch')}>
                {percent(d.current.oneTouchRate)}
              </Link>
            </p>
          </Section>

          <Section title="SLA">
            <p className="text-sm text-slate-700">
              At risk now: <strong>{d.slaAtRiskNow}</strong> · Breached in range:{' '}
              <Link className="font-semibold text-indigo-700 hover:underline" href={ticketsHref(q, 'sla_breached')}>
                {d.current.slaBreached}
              </Link>
            </p>
            <DataTable
              caption="SLA compliance per target"
              filename="sla-targets.csv"
              columns={['Target', 'Met', 'Breached', 'Compliance']}
              rows={d.sla.map((s) => [SLA_METRIC_LABELS[s.metric], s.met, s.breached, percent(s.compliance)])}
            />
            <DailyLines data={d.series} lines={[{ key: 'slaBreached', label: 'Breaches' }]} />
            <DataTable
              hidden
              caption="SLA breaches per day"
              filename="sla-breaches-per-day.csv"
              columns={['Day', 'Breaches']}
              rows={d.series.map((s) => [
                s.day,
                { value: s.slaBreached, href: ticketsHref({ ...q, from: s.day, to: s.day }, 'sla_breached') },
              ])}
            />
          </Section>

          <Section title="Satisfaction">
            <p className="text-sm text-slate-700">
              Average <strong>{decimal(d.current.csatAverage)}</strong> of 5 · Satisfied{' '}
              <strong>{percent(d.current.csatSatisfiedRate)}</strong> ·{' '}
              <Link className="font-semibold text-indigo-700 hover:underline" href={ticketsHref(q, 'rated')}>
                {d.current.csatResponses} ratings
              </Link>{' '}
              · Response rate <strong>{percent(d.current.csatResponseRate)}</strong>
            </p>
            <DailyLines data={d.series} lines={[{ key: 'csatAverage', label: 'Average rating' }]} />
            <DataTable
              hidden
              caption="Ratings per day"
              filename="csat-per-day.csv"
              columns={['Day', 'Ratings', 'Average']}
              rows={d.series.map((s) => [
                s.day,
                { value: s.csatResponses, href: ticketsHref({ ...q, from: s.day, to: s.day }, 'rated') },
                decimal(s.csatAverage),
              ])}
            />
          </Section>

          <Section title="Self-service">
            {selfService.error ? <ErrorAlert error={selfService.error} onRetry={() => selfService.refetch()} /> : null}
            {selfService.data ? (
              <>
                <p className="text-sm text-slate-700">
                  Help-center article views (all time): <strong>{selfService.data.articleViews}</strong> · Searches in
                  range: <strong>{selfService.data.searches}</strong>, without a result:{' '}
                  <strong>{selfService.data.searchesWithoutResult}</strong> · Deflection rate:{' '}
                  <strong>
                    {selfService.data.deflectionRate === null
                      ? 'not measured yet'
                      : percent(selfService.data.deflectionRate)}
                  </strong>
                  {selfService.data.deflectionRate === null ? null : (
                    <> of {selfService.data.deflectionSessions} sessions that read an article</>
                  )}
                </p>
                <div className="grid gap-4 lg:grid-cols-2">
                  <DataTable
                    caption="Searches with no result"
                    filename="searches-without-result.csv"
                    columns={['Search', 'Times']}
                    rows={selfService.data.noResultTerms.map((t) => [t.term, t.count])}
                  />
                  <DataTable
                    caption="Most viewed articles"
                    filename="top-articles.csv"
                    columns={['Article', 'Views']}
                    rows={selfService.data.topArticles.map((a) => [a.title, a.views])}
                  />
                </div>
              </>
            ) : (
              <SkeletonList rows={2} label="Loading self-service figures" />
            )}
          </Section>

          <Section title="Agents">
            <DataTable
              caption="Agents"
              filename="agents.csv"
              columns={[
                'Agent',
                'Solved',
                'First response (median)',
                'Resolution (median)',
                'CSAT',
                'Ratings',
                'Time logged',
                'Open now',
              ]}
              rows={d.agents.map((a) => {
                const mine = { agent: a.agentId };
                return [
                  a.name,
                  { value: a.solved, href: ticketsHref(q, 'solved', mine) },
                  duration(a.firstResponseMedian),
                  duration(a.resolutionMedian),
                  decimal(a.csatAverage),
                  { value: a.csatResponses, href: ticketsHref(q, 'rated', mine) },
                  duration(a.timeSpentMinutes || null),
                  a.openLoad,
                ];
              })}
            />
          </Section>
        </div>
      ) : null}
    </div>
  );
}

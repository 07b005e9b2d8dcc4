'use client';

import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { WEEKDAY_SHORT } from './format';

const COLORS = ['#4f46e5', '#059669', '#d97706', '#dc2626'];

/** Daily series as lines. Decorative for screen readers: the DataTable beside it carries the numbers. */
export function DailyLines<K extends string>({
  data,
  lines,
}: {
  data: ReadonlyArray<{ day: string } & Partial<Record<K, number | null>>>;
  lines: ReadonlyArray<{ key: K; label: string }>;
}) {
  return (
    <div aria-hidden="true" className="h-56 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={[...data]} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis dataKey="day" tickFormatter={(d: string) => d.slice(5)} fontSize={11} />
          <YAxis allowDecimals={false} fontSize={11} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {lines.map((l, i) => (
            <Line
              key={l.key}
              type="monotone"
              dataKey={l.key}
              name={l.label}
              stroke={COLORS[i % COLORS.length]}
              dot={false}
              isAnimationActive={false}
              connectNulls
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

export function Bars({ data }: { data: ReadonlyArray<{ label: string; value: number }> }) {
  return (
    <div aria-hidden="true" className="h-48 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={[...data]} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis dataKey="label" fontSize={11} />
          <YAxis allowDecimals={false} fontSize={11} />
          <Tooltip />
          <Bar dataKey="value" name="Tickets" fill={COLORS[0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Weekday × hour, darker where more tickets came in. */
export function HourHeatmap({ cells }: { cells: ReadonlyArray<{ weekday: number; hour: number; count: number }> }) {
  const max = Math.max(1, ...cells.map((c) => c.count));
  const count = (w: number, h: number) => cells.find((c) => c.weekday === w && c.hour === h)?.count ?? 0;
  return (
    <div aria-hidden="true" className="overflow-x-auto">
      <div className="grid min-w-[36rem] grid-cols-[2.5rem_repeat(24,minmax(0,1fr))] gap-px text-[10px] text-slate-500">
        <span />
        {Array.from({ length: 24 }, (_, h) => (
          <span key={h} className="text-center">
            {h % 3 === 0 ? h : ''}
          </span>
        ))}
        {WEEKDAY_SHORT.map((day, w) => (
          <div key={day} className="contents">
            <span>{day}</span>
            {Array.from({ length: 24 }, (_, h) => (
              <span
                key={h}
                className="h-4 rounded-sm"
                style={{ backgroundColor: `rgba(79, 70, 229, ${count(w, h) / max})`, outline: '1px solid #f1f5f9' }}
              />
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}

import { z } from 'zod';
import { REPORT_FILTER_DIMENSIONS, type ReportFilterDimension } from '@/lib/reports/rollup-measures';
import { daysBetween } from '@/lib/reports/local-time';

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Use a date like 2026-01-31.' })
  .refine(
    (v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
    {
      message: 'This is not a calendar date.',
    },
  );

const filterValue = z
  .string()
  .trim()
  .min(1, { message: 'A filter needs a value; remove the filter instead of leaving it empty.' })
  .max(200, { message: 'A filter value is at most 200 characters.' });

/**
 * At most one value per dimension, combined with AND. One filter is answered from the rollups (kept per
 * dimension); two or more from the ticket facts, which carry every dimension of a ticket.
 */
export const reportFilters = z.strictObject(
  {
    team: filterValue.optional(),
    agent: filterValue.optional(),
    channel: filterValue.optional(),
    priority: filterValue.optional(),
    category: filterValue.optional(),
    tag: filterValue.optional(),
  } satisfies Record<ReportFilterDimension, z.ZodType>,
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `Filter by ${REPORT_FILTER_DIMENSIONS.join(', ')} only; ${issue.keys.map((k) => `"${k}"`).join(', ')} is not one of them.`
        : undefined,
  },
);

const range = { from: day, to: day, filters: reportFilters.optional() };
/** Both ends included, in order, at most a year apart. */
const checkRange = <T extends z.ZodType<{ from: string; to: string }>>(schema: T) =>
  schema
    .refine((r) => daysBetween(r.from, r.to) >= 0, { message: 'The end date is before the start date.', path: ['to'] })
    .refine((r) => daysBetween(r.from, r.to) < 366, { message: 'Choose a range of at most a year.', path: ['from'] });

/** A range of local days in the workspace's time zone, both ends included. */
export const reportRangeInput = checkRange(z.strictObject(range));
export type ReportRangeInput = z.infer<typeof reportRangeInput>;

export const REPORT_DRILL_METRICS = [
  'created',
  'solved',
  'reopened',
  'responded',
  'one_touch',
  'rated',
  'sla_breached',
] as const;
export type ReportDrillMetric = (typeof REPORT_DRILL_METRICS)[number];

export const reportTicketsInput = checkRange(
  z.strictObject({
    ...range,
    metric: z.enum(REPORT_DRILL_METRICS),
    /** The previous page's nextCursor ('YYYY-MM-DD_<ticket id>'). */
    cursor: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}_[0-9a-f-]{36}$/i, { message: 'Pass the nextCursor of the previous page unchanged.' })
      .optional(),
    /** Set by the infinite list's client; the list only pages forward. */
    direction: z.enum(['forward', 'backward']).optional(),
  }),
);
export type ReportTicketsInput = z.infer<typeof reportTicketsInput>;

/** The members who get the weekly summary mail; an empty list turns it off. */
export const updateDigestInput = z.strictObject({
  userIds: z.array(z.uuid()).max(50, { message: 'Choose at most 50 members.' }),
});

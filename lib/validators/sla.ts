import { z } from 'zod';
import { businessCalendarSchema } from '@/lib/business-hours/schema';
import { MAX_SLA_TARGET_MINUTES, SLA_ESCALATION_TRIGGERS, SLA_METRICS } from '@/lib/constants/sla';
import { TICKET_CHANNELS, TICKET_PRIORITIES } from '@/lib/constants/ticket';

const id = z.uuid();

// ── Business-hours calendars ──────────────────────────────────────────────────────────────────────
export const saveCalendarInput = z.strictObject({
  calendarId: id.optional(),
  calendar: businessCalendarSchema.refine((c) => Boolean(c.name), {
    message: 'Give the calendar a name.',
    path: ['name'],
  }),
});
export const calendarIdInput = z.strictObject({ calendarId: id });
export const importHolidaysInput = z.strictObject({
  calendarId: id,
  ics: z
    .string()
    .min(1, { message: 'Choose an iCal (.ics) file with the holidays.' })
    .max(2_000_000, { message: 'The iCal file is too large (2 MB at most).' }),
});

// ── Targets ──────────────────────────────────────────────────────────────────────────────────────
const targetMinutes = z
  .number({ message: 'Enter the target in minutes.' })
  .int({ message: 'Use whole minutes.' })
  .min(1, { message: 'A target is at least 1 minute.' })
  .max(MAX_SLA_TARGET_MINUTES, { message: 'A target can be at most a year (527,040 minutes).' })
  .nullable();
export const metricMinutesSchema = z.strictObject(
  Object.fromEntries(SLA_METRICS.map((m) => [m, targetMinutes.optional()])) as Record<
    (typeof SLA_METRICS)[number],
    z.ZodOptional<typeof targetMinutes>
  >,
);
export const targetTableSchema = z.strictObject(
  Object.fromEntries(TICKET_PRIORITIES.map((p) => [p, metricMinutesSchema.optional()])) as Record<
    (typeof TICKET_PRIORITIES)[number],
    z.ZodOptional<typeof metricMinutesSchema>
  >,
);
const warnAtPercent = z
  .number()
  .int()
  .min(1, { message: 'Warn at 1% of the target or later.' })
  .max(100, { message: 'Warn at most at 100% (100 turns warnings off).' });

export const updateSlaDefaultsInput = z.strictObject({ defaultTargets: targetTableSchema, warnAtPercent });

// ── Policies and escalations ─────────────────────────────────────────────────────────────────────
export const slaConditionsSchema = z.strictObject({
  priorities: z.array(z.enum(TICKET_PRIORITIES)).max(4).optional(),
  categoryIds: z.array(id).max(50).optional(),
  channels: z.array(z.enum(TICKET_CHANNELS)).max(TICKET_CHANNELS.length).optional(),
  tags: z.array(z.string().trim().toLowerCase().min(1).max(50)).max(30).optional(),
  organizationIds: z.array(id).max(50).optional(),
});

export const escalationInput = z
  .strictObject({
    trigger: z.enum(SLA_ESCALATION_TRIGGERS),
    metric: z.enum(SLA_METRICS).nullable().default(null),
    afterMinutes: z
      .number()
      .int()
      .min(0, { message: 'Escalate 0 minutes or more after the trigger.' })
      .max(MAX_SLA_TARGET_MINUTES),
    notifyUserIds: z.array(id).max(20).default([]),
    setPriority: z.enum(TICKET_PRIORITIES).nullable().default(null),
    assignToUserId: id.nullable().default(null),
    assignToTeamId: id.nullable().default(null),
  })
  .refine((e) => e.notifyUserIds.length || e.setPriority || e.assignToUserId || e.assignToTeamId, {
    message: 'Give each escalation level something to do: notify someone, change the priority or reassign.',
  });

export const saveSlaPolicyInput = z.strictObject({
  policyId: id.optional(),
  name: z
    .string()
    .trim()
    .min(1, { message: 'Give the policy a name.' })
    .max(80, { message: 'Use at most 80 characters for the name.' }),
  description: z.string().trim().max(500).default(''),
  enabled: z.boolean().default(true),
  calendarId: id.nullable().default(null),
  conditions: slaConditionsSchema.default({}),
  targets: targetTableSchema.refine((t) => Object.values(t).some((m) => m && Object.values(m).some((v) => v != null)), {
    message: 'Set at least one target (first response, next response or resolution) for at least one priority.',
  }),
  warnAtPercent: warnAtPercent.default(75),
  escalations: z
    .array(escalationInput)
    .max(10, { message: 'Use at most 10 escalation levels per policy.' })
    .default([]),
});
export const slaPolicyIdInput = z.strictObject({ policyId: id });
export const reorderSlaPoliciesInput = z.strictObject({ policyIds: z.array(id).min(1).max(200) });

// ── Reports ──────────────────────────────────────────────────────────────────────────────────────
export const slaMetricsInput = z
  .strictObject({
    from: z.coerce.date({ message: 'Give a start date.' }),
    to: z.coerce.date({ message: 'Give an end date.' }),
    priority: z.enum(TICKET_PRIORITIES).optional(),
    teamId: id.optional(),
  })
  .refine((r) => r.from < r.to, { message: 'The start date must be before the end date.', path: ['to'] })
  .refine((r) => r.to.getTime() - r.from.getTime() <= 400 * 86_400_000, {
    message: 'Choose a range of at most 400 days.',
    path: ['from'],
  });

export type SaveSlaPolicyInput = z.input<typeof saveSlaPolicyInput>;
export type EscalationInput = z.output<typeof escalationInput>;

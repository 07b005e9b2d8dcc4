import { z } from 'zod';
import { OUTBOUND_CHECK_KINDS } from '@/lib/constants/outbound';

/** Which BullMQ queue runs which job: each workload has its own queue and concurrency. */
export const QUEUES = {
  // Sending is waiting (SMTP round trips, two short transactions): more jobs at once, not more CPU.
  email: { concurrency: 8 },
  events: { concurrency: 8 },
  maintenance: { concurrency: 1 },
  // SLA timers are short reads and writes on one ticket each; several run at once so a burst of due times
  // (Monday 09:00) is recorded within seconds.
  sla: { concurrency: 4 },
  // Exports and erasures read or rewrite one customer's whole history: one at a time, and on their own
  // queue so a long one never holds up the maintenance sweeps.
  privacy: { concurrency: 1 },
  // Connections to servers and DNS that workspaces configure: mostly waiting, each with its own time limit.
  // Never in a web request, and never while a database transaction is open.
  outbound: { concurrency: 4 },
  // Received mail: parse, check the sender (DNS look-ups, mostly waiting), then one short ticket transaction.
  inbound: { concurrency: 4 },
} as const;
export type QueueName = keyof typeof QUEUES;

/** One typed map from job name to its queue and payload. `enqueue` parses before adding. */
export const JOBS = {
  'email.send': { queue: 'email', payload: z.strictObject({ tenantId: z.uuid(), outboxId: z.uuid() }) },
  'event.dispatch': { queue: 'events', payload: z.strictObject({ tenantId: z.uuid(), outboxId: z.uuid() }) },
  'outbox.sweep': { queue: 'maintenance', payload: z.strictObject({}) },
  // Time rules (the built-in auto-close among them), every minute.
  'automation.timeRules': { queue: 'maintenance', payload: z.strictObject({}) },
  'sla.check': { queue: 'sla', payload: z.strictObject({ tenantId: z.uuid(), ticketId: z.uuid() }) },
  'sla.sweep': { queue: 'maintenance', payload: z.strictObject({}) },
  'sla.recomputeWorkspace': { queue: 'sla', payload: z.strictObject({ tenantId: z.uuid() }) },
  'privacy.process': { queue: 'privacy', payload: z.strictObject({ tenantId: z.uuid(), requestId: z.uuid() }) },
  'privacy.sweep': { queue: 'maintenance', payload: z.strictObject({}) },
  'privacy.retention': { queue: 'maintenance', payload: z.strictObject({}) },
  'outbound.check': {
    queue: 'outbound',
    payload: z.strictObject({ tenantId: z.uuid(), kind: z.enum(OUTBOUND_CHECK_KINDS) }),
  },
  'domain.verify': { queue: 'outbound', payload: z.strictObject({ tenantId: z.uuid(), domainId: z.uuid() }) },
  'domain.recheck': { queue: 'maintenance', payload: z.strictObject({}) },
  'inbound.process': {
    queue: 'inbound',
    // `again`: the message was sent back to pending (an admin's retry or release, the sweep), so a worker's
    // memory of having decided it must not skip the job.
    payload: z.strictObject({ tenantId: z.uuid(), inboundId: z.uuid(), again: z.literal(true).optional() }),
  },
  // Reading a workspace's mailbox is waiting on its server: the outbound queue, one job per workspace at a time.
  'imap.poll': { queue: 'outbound', payload: z.strictObject({ tenantId: z.uuid() }) },
  'imap.sweep': { queue: 'maintenance', payload: z.strictObject({}) },
  // Triage models: one workspace on demand ("Retrain now"), every workspace nightly.
  'triage.train': { queue: 'maintenance', payload: z.strictObject({ tenantId: z.uuid() }) },
  'triage.trainAll': { queue: 'maintenance', payload: z.strictObject({}) },
  'reports.weeklyDigest': { queue: 'maintenance', payload: z.strictObject({}) },
} as const satisfies Record<string, { queue: QueueName; payload: z.ZodType }>;

export type JobName = keyof typeof JOBS;
export type JobPayload<N extends JobName> = z.infer<(typeof JOBS)[N]['payload']>;

/** Outbox kinds map to the job that carries them out. */
export const OUTBOX_KIND_TO_JOB = { email: 'email.send', event: 'event.dispatch' } as const satisfies Record<
  string,
  JobName
>;
export type OutboxKind = keyof typeof OUTBOX_KIND_TO_JOB;

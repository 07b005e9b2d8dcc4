import type { Job, Worker } from 'bullmq';
import { IMAP_POLL_EVERY_MS } from '@/lib/constants/inbound';
import { createWorker } from '@/server/queue/connection';
import { closeQueues, getQueue } from '@/server/queue/enqueue';
import { JOBS, OUTBOX_KIND_TO_JOB, QUEUES, type JobName, type QueueName } from '@/server/queue/jobs';
import { recordOutboxFailure } from '@/server/services/outbox/record-failure';
import { logError } from '@/server/errors';
import { processDomainRecheck, processDomainVerify } from './processors/domain-verify';
import { componentLogger, type Logger } from '@/server/log';
import { metrics } from '@/server/metrics/registry';
import { processAutomationTimeRules } from './processors/automation-time-rules';
import { processEmailSend } from './processors/email-send';
import { processEventDispatch } from './processors/event-dispatch';
import { processImapPoll, processImapSweep } from './processors/imap-poll';
import { startImapIdleWatchers } from '@/server/services/inbound/imap-idle-watchers';
import { processReportsWeeklyDigest } from './processors/reports-weekly-digest';
import { processInboundProcess } from './processors/inbound-process';
import { processOutboundCheck } from './processors/outbound-check';
import { processOutboxSweep } from './processors/outbox-sweep';
import { processSlaCheck, processSlaRecomputeWorkspace, processSlaSweep } from './processors/sla';
import { processTriageTrain, processTriageTrainAll, TRIAGE_TRAIN_EVERY_MS } from './processors/triage-train';
import {
  onPrivacyJobFailed,
  processPrivacyRequestJob,
  processPrivacyRetention,
  processPrivacySweep,
} from './processors/privacy';

type Processor<N extends JobName> = (payload: (typeof JOBS)[N]['payload']['_output']) => Promise<unknown>;

/** The same processors run in `npm run worker` and inside `npm start`; only the queue engine differs. */
const PROCESSORS: { [N in JobName]: Processor<N> } = {
  'email.send': processEmailSend,
  'event.dispatch': processEventDispatch,
  'outbox.sweep': processOutboxSweep,
  'automation.timeRules': () => processAutomationTimeRules(),
  'sla.check': processSlaCheck,
  'sla.sweep': processSlaSweep,
  'sla.recomputeWorkspace': processSlaRecomputeWorkspace,
  'privacy.process': processPrivacyRequestJob,
  'privacy.sweep': processPrivacySweep,
  'privacy.retention': processPrivacyRetention,
  'outbound.check': processOutboundCheck,
  'domain.verify': processDomainVerify,
  'domain.recheck': processDomainRecheck,
  'inbound.process': processInboundProcess,
  'imap.poll': processImapPoll,
  'imap.sweep': processImapSweep,
  'triage.train': processTriageTrain,
  'triage.trainAll': processTriageTrainAll,
  'reports.weeklyDigest': processReportsWeeklyDigest,
};

async function dispatch(job: Job) {
  const name = job.name as JobName;
  const definition = JOBS[name];
  if (!definition) throw new Error(`No processor for job "${job.name}"`);
  const payload = definition.payload.parse(job.data);
  return (PROCESSORS[name] as Processor<typeof name>)(payload as never);
}

/**
 * Job latencies for the process's metrics: the attempt's run time by outcome, and how long it waited
 * after it was due (a delayed job is due at its timestamp plus its delay, not when it was added).
 */
function observeJob(queue: QueueName, job: Job | undefined, outcome: 'completed' | 'failed') {
  if (!job?.processedOn) return;
  const finishedAt = job.finishedOn ?? Date.now();
  metrics.jobDuration.observe({ queue, job: job.name, outcome }, Math.max(0, finishedAt - job.processedOn) / 1000);
  const dueAt = job.timestamp + (job.opts?.delay ?? 0);
  metrics.jobWait.observe({ queue, job: job.name }, Math.max(0, job.processedOn - dueAt) / 1000);
}

const OUTBOX_JOBS: ReadonlySet<string> = new Set(Object.values(OUTBOX_KIND_TO_JOB));

/**
 * BullMQ emits 'failed' after every attempt; `finishedOn` is set only once it has given up (attempts used
 * up, or an UnrecoverableError). Then the outbox row (or privacy request) is marked failed for an admin to
 * see, with the reason.
 */
function onJobFailed(job: Job | undefined, error: Error, pending: Set<Promise<unknown>>) {
  if (!job?.finishedOn) return;
  let recording: Promise<unknown>;
  if (OUTBOX_JOBS.has(job.name)) {
    const { tenantId, outboxId } = job.data as { tenantId: string; outboxId: string };
    recording = recordOutboxFailure(tenantId, outboxId, error.message).catch(logError);
  } else if (job.name === 'privacy.process') {
    recording = onPrivacyJobFailed(job.data, error).catch(logError);
  } else return;
  pending.add(recording);
  void recording.finally(() => pending.delete(recording));
}

export const SWEEP_EVERY_MS = 30_000;
/** Time rules are minute-accurate: "2 hours since solved" acts within a minute of the second hour. */
export const TIME_RULES_EVERY_MS = 60_000;
/** Timers record breaches on time; this sweep only catches those whose job was lost. */
export const SLA_SWEEP_EVERY_MS = 30_000;
/** Privacy requests are nudged on creation; this only catches those whose job was lost. */
export const PRIVACY_SWEEP_EVERY_MS = 5 * 60_000;
export const RETENTION_EVERY_MS = 24 * 60 * 60_000;
/** A verified domain whose TXT record is gone stops being served within a day. */
export const DOMAIN_RECHECK_EVERY_MS = 24 * 60 * 60_000;
/** Hourly: each workspace's Monday starts in its own zone; the summary goes out within the hour. */
export const WEEKLY_DIGEST_CHECK_EVERY_MS = 60 * 60_000;

/** The recurring jobs: kept as BullMQ job schedulers, which live in the queue's own storage. */
const SCHEDULERS = [
  { key: 'outbox-sweep', every: SWEEP_EVERY_MS, name: 'outbox.sweep' },
  { key: 'sla-sweep', every: SLA_SWEEP_EVERY_MS, name: 'sla.sweep' },
  { key: 'automation-time-rules', every: TIME_RULES_EVERY_MS, name: 'automation.timeRules' },
  { key: 'privacy-sweep', every: PRIVACY_SWEEP_EVERY_MS, name: 'privacy.sweep' },
  { key: 'privacy-retention', every: RETENTION_EVERY_MS, name: 'privacy.retention' },
  { key: 'domain-recheck', every: DOMAIN_RECHECK_EVERY_MS, name: 'domain.recheck' },
  { key: 'imap-sweep', every: IMAP_POLL_EVERY_MS, name: 'imap.sweep' },
  { key: 'triage-train-all', every: TRIAGE_TRAIN_EVERY_MS, name: 'triage.trainAll' },
  { key: 'reports-weekly-digest', every: WEEKLY_DIGEST_CHECK_EVERY_MS, name: 'reports.weeklyDigest' },
] as const;

export type SchedulerKey = (typeof SCHEDULERS)[number]['key'];
/** Which recurring jobs to keep, each with its interval in ms. */
type ScheduleChoice = Partial<Record<SchedulerKey, number>>;

/**
 * A Redis that lost its data (flushed, restarted without persistence) lost the schedulers too, and with
 * them the sweep that would rebuild everything else. So the worker checks now and then and puts back any
 * that are missing; an `every` scheduler runs at once when added, so the sweep follows straight away.
 */
async function ensureSchedulers(onlyMissing: boolean, only?: ScheduleChoice) {
  const maintenance = getQueue('maintenance');
  for (const s of SCHEDULERS) {
    const every = only ? only[s.key] : s.every;
    if (every === undefined) continue;
    if (onlyMissing && (await maintenance.getJobScheduler(s.key))) continue;
    await maintenance.upsertJobScheduler(s.key, { every }, { name: s.name, data: {} });
  }
}

/** Where the workers report; tests pass a quiet or capturing logger. */
type WorkerLog = Pick<Logger, 'warn' | 'error'>;

export async function startWorkers(
  options: {
    log?: WorkerLog;
    checkSchedulersEveryMs?: number;
    /**
     * How often the IMAP IDLE watchers look for new or changed mailboxes. The worker and `npm start` turn
     * them on; unset or 0 (tests of other things) leaves mailboxes to the poll alone.
     */
    imapIdleRefreshMs?: number;
    /**
     * Tests of one schedule keep only that one, at a pace of their own: every sweep at once on a shared
     * maintenance queue (concurrency 1) keeps the one under test waiting. Unset: all, at their intervals.
     */
    schedules?: ScheduleChoice;
  } = {},
) {
  const log = options.log ?? componentLogger('worker');
  // Failures being written when a shutdown starts are awaited before the database closes.
  const recordingFailures = new Set<Promise<unknown>>();
  const workers: Worker[] = (Object.keys(QUEUES) as QueueName[]).map((queue) => {
    const worker = createWorker(queue, dispatch, { concurrency: QUEUES[queue].concurrency });
    worker.on('completed', (job) => observeJob(queue, job, 'completed'));
    worker.on('failed', (job, error) => {
      observeJob(queue, job, 'failed');
      log.warn(
        {
          queue,
          job: job?.name,
          jobId: job?.id,
          attempt: job?.attemptsMade,
          workspaceId: job?.data?.tenantId,
          err: error,
        },
        'job failed',
      );
      onJobFailed(job, error, recordingFailures);
    });
    worker.on('error', (error) => log.error({ queue, err: error }, 'worker error'));
    return worker;
  });
  await ensureSchedulers(false, options.schedules);
  const checkEvery = options.checkSchedulersEveryMs ?? SWEEP_EVERY_MS;
  let checking = false;
  const check = checkEvery
    ? setInterval(() => {
        if (checking) return;
        checking = true;
        ensureSchedulers(true, options.schedules)
          .catch((error: Error) => log.error({ err: error }, 'could not check the job schedulers'))
          .finally(() => (checking = false));
      }, checkEvery)
    : undefined;
  check?.unref();
  const idle = options.imapIdleRefreshMs ? startImapIdleWatchers({ refreshEveryMs: options.imapIdleRefreshMs }) : null;
  return {
    workers,
    async stop() {
      clearInterval(check);
      await idle?.stop();
      await Promise.all(workers.map((w) => w.close()));
      await Promise.all(recordingFailures);
      await closeQueues();
    },
  };
}

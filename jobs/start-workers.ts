import type { Job, Worker } from 'bullmq';
import { createWorker } from '@/server/queue/connection';
import { closeQueues, getQueue } from '@/server/queue/enqueue';
import { JOBS, QUEUES, type JobName, type QueueName } from '@/server/queue/jobs';
import { processEmailSend } from './processors/email-send';
import { processOutboxSweep } from './processors/outbox-sweep';
import { processSlaCheck, processSlaRecomputeWorkspace, processSlaSweep } from './processors/sla';
import { processTicketsAutoClose } from './processors/tickets-auto-close';

type Processor<N extends JobName> = (payload: (typeof JOBS)[N]['payload']['_output']) => Promise<unknown>;

/** The same processors run in `npm run worker` and inside `npm start`; only the queue engine differs. */
const PROCESSORS: { [N in JobName]: Processor<N> } = {
  'email.send': processEmailSend,
  'outbox.sweep': processOutboxSweep,
  'tickets.autoClose': processTicketsAutoClose,
  'sla.check': processSlaCheck,
  'sla.sweep': processSlaSweep,
  'sla.recomputeWorkspace': processSlaRecomputeWorkspace,
};

async function dispatch(job: Job) {
  const name = job.name as JobName;
  const definition = JOBS[name];
  if (!definition) throw new Error(`No processor for job "${job.name}"`);
  const payload = definition.payload.parse(job.data);
  return (PROCESSORS[name] as Processor<typeof name>)(payload as never);
}

export const SWEEP_EVERY_MS = 30_000;
export const AUTO_CLOSE_EVERY_MS = 15 * 60_000;
/** Timers record breaches on time; this sweep only catches those whose job was lost. */
export const SLA_SWEEP_EVERY_MS = 30_000;

export async function startWorkers(options: { log?: (line: string) => void } = {}) {
  const log = options.log ?? ((line: string) => console.log(line));
  const workers: Worker[] = (Object.keys(QUEUES) as QueueName[]).map((queue) => {
    const worker = createWorker(queue, dispatch, { concurrency: QUEUES[queue].concurrency });
    worker.on('failed', (job, error) => log(`[worker] ${queue}/${job?.name} ${job?.id} failed (attempt ${job?.attemptsMade}): ${error.message}`));
    worker.on('error', (error) => log(`[worker] ${queue}: ${error.message}`));
    return worker;
  });
  await getQueue('maintenance').upsertJobScheduler('outbox-sweep', { every: SWEEP_EVERY_MS }, { name: 'outbox.sweep', data: {} });
  await getQueue('maintenance').upsertJobScheduler('sla-sweep', { every: SLA_SWEEP_EVERY_MS }, { name: 'sla.sweep', data: {} });
  await getQueue('maintenance').upsertJobScheduler('tickets-auto-close', { every: AUTO_CLOSE_EVERY_MS }, { name: 'tickets.autoClose', data: {} });
  return {
    workers,
    async stop() {
      await Promise.all(workers.map((w) => w.close()));
      await closeQueues();
    },
  };
}

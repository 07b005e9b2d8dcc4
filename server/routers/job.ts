import { listFailedJobsInput, retryJobInput } from '@/lib/validators/job';
import { adminProcedure, router } from '@/server/trpc/init';
import { listFailedJobs } from '@/server/services/job/list-failed-jobs';
import { retryAllFailedJobs, retryFailedJob } from '@/server/services/job/retry-failed-jobs';

/** Admin → Jobs: this workspace's work that used up its retries, and putting it back on the queue. */
export const jobRouter = router({
  listFailed: adminProcedure.input(listFailedJobsInput).query(({ ctx, input }) => listFailedJobs(ctx.scope, input)),
  retry: adminProcedure.input(retryJobInput).mutation(({ ctx, input }) => retryFailedJob(ctx.scope, input)),
  retryAll: adminProcedure.mutation(({ ctx }) => retryAllFailedJobs(ctx.scope)),
});

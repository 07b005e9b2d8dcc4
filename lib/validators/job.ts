import { z } from 'zod';

/** Newest first; the cursor is the last row of the previous page. */
export const listFailedJobsInput = z.strictObject({
  cursor: z.strictObject({ availableAt: z.date(), id: z.uuid() }).optional(),
  limit: z.number().int().min(1).max(100).default(50),
});

export const retryJobInput = z.strictObject({
  jobId: z.uuid({ message: 'Choose a failed job from the list to retry.' }),
});

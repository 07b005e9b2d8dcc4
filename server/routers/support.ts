import { z } from 'zod';
import { deflectionReportInput, recordSupportActivityInput } from '@/lib/validators/support';
import { tryConsumeRateLimit } from '@/server/auth/rate-limit';
import { adminProcedure, publicProcedure, router } from '@/server/trpc/init';
import { withHelpCenter } from '@/server/services/help/help-center-scope';
import { deflectionReport, unansweredSearches } from '@/server/services/support/deflection-report';
import { recordSupportActivity } from '@/server/services/support/record-support-activity';

const deflectionFigure = z.object({ sessions: z.number(), deflected: z.number(), rate: z.number().nullable() });

export const supportRouter = router({
  /**
   * Public: the help center and portal report what a support session did (views, searches). The workspace
   * is named by slug, as the help center's own procedures do; beyond the per-address limit the fact is
   * dropped without an error, since nobody acts on the answer.
   */
  record: publicProcedure
    .input(recordSupportActivityInput)
    .output(z.object({ recorded: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      if (!(await tryConsumeRateLimit('supportActivityByIp', ctx.ip))) return { recorded: false };
      const { workspace, ...activity } = input;
      return withHelpCenter(workspace, null, (scope) => recordSupportActivity(scope, activity));
    }),
  deflection: adminProcedure
    .input(deflectionReportInput)
    .output(
      z.object({
        windowMinutes: z.number(),
        total: deflectionFigure,
        byDay: z.array(deflectionFigure.extend({ day: z.string() })),
        byPage: z.array(deflectionFigure.extend({ pagePath: z.string() })),
      }),
    )
    .query(({ ctx, input }) => deflectionReport(ctx.scope, input)),
  unansweredSearches: adminProcedure
    .input(deflectionReportInput)
    .output(z.array(z.object({ day: z.string(), term: z.string(), searches: z.number() })))
    .query(({ ctx, input }) => unansweredSearches(ctx.scope, input)),
});

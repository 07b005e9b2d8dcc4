import { reportRangeInput, reportTicketsInput, updateDigestInput } from '@/lib/validators/reports';
import { adminProcedure, agentProcedure, router } from '@/server/trpc/init';
import { getDigestSettings, updateDigestSettings } from '@/server/services/reports/digest-settings';
import { getDashboard } from '@/server/services/reports/get-dashboard';
import { reportCalendar } from '@/server/services/reports/report-calendar';
import { getSelfService } from '@/server/services/reports/get-self-service';
import { listReportTickets } from '@/server/services/reports/list-report-tickets';

// The dashboard is for the people who run the desk: admins and agents (team leads are agents; there is no
// separate lead role yet). Viewers do not see workload and ratings per agent.
export const reportRouter = router({
  calendar: agentProcedure.query(({ ctx }) => reportCalendar(ctx.scope)),
  dashboard: agentProcedure.input(reportRangeInput).query(({ ctx, input }) => getDashboard(ctx.scope, input)),
  selfService: agentProcedure.input(reportRangeInput).query(({ ctx, input }) => getSelfService(ctx.scope, input)),
  digest: adminProcedure.query(({ ctx }) => getDigestSettings(ctx.scope)),
  updateDigest: adminProcedure
    .input(updateDigestInput)
    .mutation(({ ctx, input }) => updateDigestSettings(ctx.scope, input)),
  tickets: agentProcedure.input(reportTicketsInput).query(({ ctx, input }) => listReportTickets(ctx.scope, input)),
});

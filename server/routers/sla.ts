import {
  calendarIdInput,
  importHolidaysInput,
  reorderSlaPoliciesInput,
  saveCalendarInput,
  saveSlaPolicyInput,
  slaMetricsInput,
  slaPolicyIdInput,
  updateSlaDefaultsInput,
} from '@/lib/validators/sla';
import { adminProcedure, router, tenantProcedure } from '@/server/trpc/init';
import { deleteCalendar, importCalendarHolidays, listCalendars, saveCalendar } from '@/server/services/sla/calendars';
import { deleteSlaPolicy, listPolicies, reorderSlaPolicies, saveSlaPolicy } from '@/server/services/sla/policies';
import { getSlaDefaults, updateSlaDefaults } from '@/server/services/sla/sla-defaults';
import { slaMetrics } from '@/server/services/sla/sla-metrics';

// SLA setup is the admins'; every member may read it (agents see why a due time is what it is).

export const businessCalendarRouter = router({
  list: tenantProcedure.query(({ ctx }) => listCalendars(ctx.scope)),
  save: adminProcedure.input(saveCalendarInput).mutation(({ ctx, input }) => saveCalendar(ctx.scope, input)),
  delete: adminProcedure.input(calendarIdInput).mutation(({ ctx, input }) => deleteCalendar(ctx.scope, input)),
  importHolidays: adminProcedure
    .input(importHolidaysInput)
    .mutation(({ ctx, input }) => importCalendarHolidays(ctx.scope, input)),
});

export const slaPolicyRouter = router({
  list: tenantProcedure.query(({ ctx }) => listPolicies(ctx.scope)),
  save: adminProcedure.input(saveSlaPolicyInput).mutation(({ ctx, input }) => saveSlaPolicy(ctx.scope, input)),
  delete: adminProcedure.input(slaPolicyIdInput).mutation(({ ctx, input }) => deleteSlaPolicy(ctx.scope, input)),
  reorder: adminProcedure
    .input(reorderSlaPoliciesInput)
    .mutation(({ ctx, input }) => reorderSlaPolicies(ctx.scope, input)),
});

export const slaSettingsRouter = router({
  get: tenantProcedure.query(({ ctx }) => getSlaDefaults(ctx.scope)),
  update: adminProcedure
    .input(updateSlaDefaultsInput)
    .mutation(({ ctx, input }) => updateSlaDefaults(ctx.scope, input)),
});

export const slaReportRouter = router({
  metrics: tenantProcedure.input(slaMetricsInput).query(({ ctx, input }) => slaMetrics(ctx.scope, input)),
});

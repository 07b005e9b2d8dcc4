import {
  retryMailInput,
  testMailSettingsInput,
  updateMailSettingsInput,
  updateNotificationPreferencesInput,
} from '@/lib/validators/notification';
import { adminProcedure, agentProcedure, router, tenantProcedure } from '@/server/trpc/init';
import { getMailSettings, updateMailSettings } from '@/server/services/notification/mail-settings';
import { getSmtpCheck, startSmtpCheck } from '@/server/services/outbound/smtp-check';
import { getNotificationPreferences, updateNotificationPreferences } from '@/server/services/notification/preferences';
import { retryTicketMail } from '@/server/services/notification/retry-mail';

// Outbound email: each member's own notification choices, and the workspace's sender and SMTP server.

export const notificationRouter = router({
  preferences: tenantProcedure.query(({ ctx }) => getNotificationPreferences(ctx.scope)),
  updatePreferences: tenantProcedure
    .input(updateNotificationPreferencesInput)
    .mutation(({ ctx, input }) => updateNotificationPreferences(ctx.scope, input)),
  /** Agents, not only admins: the agent on the ticket sees the failure and knows whether the customer got it. */
  retryMail: agentProcedure.input(retryMailInput).mutation(({ ctx, input }) => retryTicketMail(ctx.scope, input)),
});

export const mailSettingsRouter = router({
  get: adminProcedure.query(({ ctx }) => getMailSettings(ctx.scope)),
  update: adminProcedure
    .input(updateMailSettingsInput)
    .mutation(({ ctx, input }) => updateMailSettings(ctx.scope, input)),
  /** Starts a connection check in the worker and returns at once; the page polls `testStatus` for the answer. */
  test: adminProcedure.input(testMailSettingsInput).mutation(({ ctx, input }) => startSmtpCheck(ctx.scope, input)),
  testStatus: adminProcedure.query(({ ctx }) => getSmtpCheck(ctx.scope)),
});

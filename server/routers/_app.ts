import { router } from '@/server/trpc/init';
import { accountRouter, sessionRouter } from './account';
import { authRouter } from './auth';
import { automationRuleRouter } from './automation';
import { customerRouter, organizationRouter } from './customer';
import { domainRouter } from './domain';
import { articleCategoryRouter, articleRouter, helpLinkRouter, helpRouter } from './help';
import { invitationRouter, memberRouter } from './member';
import { inboundChannelRouter } from './inbound';
import { mailSettingsRouter, notificationRouter } from './notification';
import { jobRouter } from './job';
import { portalRouter } from './portal';
import { privacyRequestRouter, retentionSettingsRouter } from './privacy';
import { teamRouter } from './team';
import { ticketRouter } from './ticket';
import { categoryRouter, macroRouter, savedViewRouter, ticketFieldRouter, ticketSettingsRouter } from './ticket-config';
import { liveRouter } from './live';
import { businessCalendarRouter, slaPolicyRouter, slaReportRouter, slaSettingsRouter } from './sla';
import { workspaceRouter } from './workspace';

export const appRouter = router({
  auth: authRouter,
  account: accountRouter,
  session: sessionRouter,
  workspace: workspaceRouter,
  member: memberRouter,
  invitation: invitationRouter,
  team: teamRouter,
  customer: customerRouter,
  organization: organizationRouter,
  domain: domainRouter,
  portal: portalRouter,
  ticket: ticketRouter,
  category: categoryRouter,
  ticketField: ticketFieldRouter,
  savedView: savedViewRouter,
  macro: macroRouter,
  ticketSettings: ticketSettingsRouter,
  live: liveRouter,
  help: helpRouter,
  article: articleRouter,
  articleCategory: articleCategoryRouter,
  helpLink: helpLinkRouter,
  businessCalendar: businessCalendarRouter,
  slaPolicy: slaPolicyRouter,
  slaSettings: slaSettingsRouter,
  slaReport: slaReportRouter,
  notification: notificationRouter,
  mailSettings: mailSettingsRouter,
  inboundChannel: inboundChannelRouter,
  job: jobRouter,
  privacyRequest: privacyRequestRouter,
  retentionSettings: retentionSettingsRouter,
  automationRule: automationRuleRouter,
});

export type AppRouter = typeof appRouter;

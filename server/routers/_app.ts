import { router } from '@/server/trpc/init';
import { accountRouter, sessionRouter } from './account';
import { assignmentRouter } from './assignment';
import { authRouter } from './auth';
import { csatRouter, csatSettingsRouter } from './csat';
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
import { triageRouter } from './triage';
import {
  categoryRouter,
  ticketTypeRouter,
  macroRouter,
  savedViewRouter,
  tagRouter,
  ticketFieldRouter,
  ticketSettingsRouter,
} from './ticket-config';
import { liveRouter } from './live';
import { businessCalendarRouter, slaPolicyRouter, slaReportRouter, slaSettingsRouter } from './sla';
import { widgetRouter, widgetSettingsRouter } from './widget';
import { supportRouter } from './support';
import { reportRouter } from './report';
import { workspaceRouter } from './workspace';

export const appRouter = router({
  auth: authRouter,
  account: accountRouter,
  session: sessionRouter,
  workspace: workspaceRouter,
  member: memberRouter,
  invitation: invitationRouter,
  team: teamRouter,
  assignment: assignmentRouter,
  customer: customerRouter,
  organization: organizationRouter,
  domain: domainRouter,
  portal: portalRouter,
  ticket: ticketRouter,
  triage: triageRouter,
  category: categoryRouter,
  ticketType: ticketTypeRouter,
  ticketField: ticketFieldRouter,
  tag: tagRouter,
  savedView: savedViewRouter,
  macro: macroRouter,
  ticketSettings: ticketSettingsRouter,
  live: liveRouter,
  help: helpRouter,
  article: articleRouter,
  articleCategory: articleCategoryRouter,
  helpLink: helpLinkRouter,
  widget: widgetRouter,
  widgetSettings: widgetSettingsRouter,
  businessCalendar: businessCalendarRouter,
  slaPolicy: slaPolicyRouter,
  slaSettings: slaSettingsRouter,
  slaReport: slaReportRouter,
  report: reportRouter,
  notification: notificationRouter,
  mailSettings: mailSettingsRouter,
  inboundChannel: inboundChannelRouter,
  job: jobRouter,
  privacyRequest: privacyRequestRouter,
  retentionSettings: retentionSettingsRouter,
  csat: csatRouter,
  csatSettings: csatSettingsRouter,
  support: supportRouter,
  automationRule: automationRuleRouter,
});

export type AppRouter = typeof appRouter;

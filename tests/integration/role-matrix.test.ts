import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MemberRole } from '@/lib/constants/workspace';
import { memberships, tickets, ticketTriageSuggestions, ticketTypes } from '@/server/db/schema';
import { runInTenant } from '@/server/db/tenant';
import { fileWidgetRequestInput } from '@/lib/validators/widget';
import { fileWidgetRequest } from '@/server/services/widget/file-widget-request';
import { rotateWidgetSecret } from '@/server/services/widget/widget-settings';
import { withWidget } from '@/server/services/widget/with-widget';
import { allProcedurePaths, callByPath, callerFor, errorCodeOf } from '../helpers/caller';
import { setUpTestWidget } from '../helpers/widget-factories';
import {
  addMember,
  addTestDomain,
  asStaff,
  createTestCustomer,
  createTestInvitation,
  createTestTeam,
  createUser,
  createWorkspace,
  TEST_PASSWORD,
  uniqueDomain,
  uniqueEmail,
  uniqueSlug,
  uniqueSuffix,
  type TestMember,
  type TestWorkspace,
} from '../helpers/factories';
import {
  createTestCategory,
  createTestTicketType,
  createTestField,
  createTestMacro,
  createTestSavedView,
  createTestTicket,
} from '../helpers/ticket-factories';
import { createTestArticle, createTestArticleCategory } from '../helpers/help-factories';
import { createTestCalendar, createTestPolicy } from '../helpers/sla-factories';
import { failFirstCustomerMail } from '../helpers/notification-mail';
import { createTestFailedJob } from '../helpers/job-isolation';
import { createTestSession, setTestPassword } from '../helpers/session-isolation';
import { csatLinkFor, solvedTicketFor } from '../helpers/csat-isolation';
import { storeFailedInbound } from '../helpers/inbound-mail';
import { createTestRule } from '../helpers/automation-factories';

// Who may call what. Every procedure of the app router has a row; a new one without a row fails.

type Tier = 'public' | 'authed' | 'portal' | MemberRole;
const STAFF_ROLES = ['viewer', 'agent', 'admin', 'owner'] as const satisfies readonly MemberRole[];
const RANK: Record<MemberRole, number> = { viewer: 0, agent: 1, admin: 2, owner: 3 };

let W: TestWorkspace;
let staff: Record<MemberRole, TestMember>;
let customerId: string;
/** A ticket of customerId, for reads; writes get a fresh ticket per call. */
let ticket: { id: string; number: number };
let sharedMacroId: string;

/** Who is calling: a staff role, the portal customer (customerId), or nobody. */
type Who = MemberRole | 'portal' | 'anonymous';
type Row = { min: Tier; input?: (who: Who) => Promise<unknown> | unknown };

const freshTicketId = async () => (await createTestTicket(W.id, { requesterId: customerId })).id;
/** A fresh ticket with an open triage suggestion, as the ticket.created consumer leaves one. */
const suggestedTicketId = async () => {
  const ticketId = await freshTicketId();
  await runInTenant(W.id, ({ db }) =>
    db.insert(ticketTriageSuggestions).values({ tenantId: W.id, ticketId, priority: 'high', priorityConfidence: 0.9 }),
  );
  return ticketId;
};
/** The staff member making the call, or the owner when nobody or a customer calls. */
const actorFor = (who: Who) => (who === 'portal' || who === 'anonymous' ? staff.owner : staff[who]);

/** A fresh published, public article in a category: what a help-center reader may see. */
const readableArticle = async () => {
  const category = await createTestArticleCategory(W.id);
  const article = await createTestArticle(W.id, staff.owner, { title: 'Printer basics', categoryId: category.id });
  return { ...article, categorySlug: category.slug, workspace: W.slug };
};
/** A signed one-click link to a fresh solved ticket's survey, as the survey page sends it. */
const linkInput = async () => {
  const { workspace, token } = await csatLinkFor(W, customerId);
  return { workspace, token };
};
/** Inputs are built per call, so every allowed call can succeed (no shared row is spent twice). */
const MATRIX: Record<string, Row> = {
  'auth.signUp': {
    min: 'public',
    input: () => ({
      name: 'New Person',
      email: uniqueEmail('signup'),
      password: TEST_PASSWORD,
      workspaceName: 'New Desk',
      workspaceSlug: uniqueSlug('new'),
    }),
  },
  'auth.invitation': {
    min: 'public',
    input: async () => ({ token: (await createTestInvitation(W.id, staff.owner)).token }),
  },
  'auth.acceptInvitation': {
    min: 'public',
    input: async () => ({
      token: (await createTestInvitation(W.id, staff.owner)).token,
      name: 'Joiner',
      password: TEST_PASSWORD,
    }),
  },
  'auth.requestPortalLink': { min: 'public', input: () => ({ workspace: W.slug, email: uniqueEmail('portal') }) },

  'account.changePassword': {
    min: 'authed',
    input: async (who) => {
      await setTestPassword(actorFor(who).userId);
      return { currentPassword: TEST_PASSWORD, newPassword: `${TEST_PASSWORD} again` };
    },
  },
  'session.list': { min: 'authed' },
  'session.revoke': {
    min: 'authed',
    input: async (who) => ({ sessionId: await createTestSession(actorFor(who).userId) }),
  },
  'session.revokeOthers': { min: 'authed' },

  'workspace.list': { min: 'authed' },
  'workspace.create': { min: 'authed', input: () => ({ name: 'Side Desk', slug: uniqueSlug('side') }) },
  'workspace.switch': { min: 'authed', input: () => ({ workspaceId: W.id }) },
  'workspace.lookup': { min: 'public', input: () => ({ workspace: W.slug }) },
  'workspace.current': { min: 'viewer' },
  'workspace.update': { min: 'admin', input: () => ({ settings: { timezone: 'Europe/Paris' } }) },

  'member.list': { min: 'viewer' },
  'member.updateRole': {
    min: 'admin',
    input: async () => ({ membershipId: (await addMember(W.id, 'agent')).membershipId, role: 'viewer' }),
  },
  'member.remove': {
    min: 'admin',
    input: async () => ({ membershipId: (await addMember(W.id, 'viewer')).membershipId }),
  },

  'invitation.list': { min: 'admin' },
  'invitation.create': { min: 'admin', input: () => ({ email: uniqueEmail('invitee'), role: 'agent' }) },
  'invitation.revoke': {
    min: 'admin',
    input: async () => ({ invitationId: (await createTestInvitation(W.id, staff.owner)).id }),
  },

  'assignment.team': { min: 'viewer', input: async () => ({ teamId: (await createTestTeam(W.id)).id }) },
  'assignment.updateTeam': {
    min: 'admin',
    input: async () => ({
      teamId: (await createTestTeam(W.id)).id,
      policy: 'round_robin',
      leadUserId: null,
      preferPreviousAgent: false,
    }),
  },
  'assignment.updateAgent': {
    min: 'admin',
    input: () => ({ userId: staff.agent.userId, capacity: 5, skills: ['billing'], languages: [] }),
  },
  'assignment.myAvailability': { min: 'agent' },
  'assignment.setMyAvailability': { min: 'agent', input: () => ({ availability: 'available', workingHours: null }) },
  'triage.settings': { min: 'admin' },
  'triage.updateSettings': { min: 'admin', input: () => ({ threshold: 0.6, kbNoteEnabled: true }) },
  'triage.retrain': { min: 'admin' },
  'triage.suggestion': { min: 'agent', input: () => ({ ticketId: ticket.id }) },
  'triage.accept': { min: 'agent', input: async () => ({ ticketId: await suggestedTicketId() }) },
  'triage.dismiss': { min: 'agent', input: async () => ({ ticketId: await suggestedTicketId() }) },
  'team.list': { min: 'viewer' },
  'team.create': { min: 'admin', input: () => ({ name: `Team ${uniqueSuffix()}` }) },
  'team.update': {
    min: 'admin',
    input: async () => ({ teamId: (await createTestTeam(W.id)).id, name: `Renamed ${uniqueSuffix()}` }),
  },
  'team.delete': { min: 'admin', input: async () => ({ teamId: (await createTestTeam(W.id)).id }) },
  'team.addMember': {
    min: 'admin',
    input: async () => ({ teamId: (await createTestTeam(W.id)).id, userId: staff.agent.userId }),
  },
  'team.removeMember': {
    min: 'admin',
    input: async () => ({
      teamId: (await createTestTeam(W.id, { memberUserIds: [staff.agent.userId] })).id,
      userId: staff.agent.userId,
    }),
  },

  'customer.list': { min: 'viewer', input: () => ({}) },
  'customer.get': { min: 'viewer', input: () => ({ customerId }) },
  'customer.create': { min: 'agent', input: () => ({ email: uniqueEmail('customer') }) },
  'customer.update': { min: 'agent', input: () => ({ customerId, name: `Renamed ${uniqueSuffix()}` }) },

  'organization.list': { min: 'viewer' },
  'organization.create': { min: 'agent', input: () => ({ name: `Org ${uniqueSuffix()}` }) },

  'domain.list': { min: 'admin' },
  'domain.add': { min: 'admin', input: () => ({ domain: uniqueDomain() }) },
  'domain.remove': { min: 'admin', input: async () => ({ domainId: (await addTestDomain(W.id)).id }) },
  'domain.verify': { min: 'admin', input: async () => ({ domainId: (await addTestDomain(W.id)).id }) },

  'portal.me': { min: 'portal' },
  'portal.categories': { min: 'portal' },
  'portal.createTicket': { min: 'portal', input: () => ({ subject: 'Printer on fire', body: 'It smells of toner.' }) },
  'portal.tickets': { min: 'portal', input: () => ({}) },
  'portal.ticket': { min: 'portal', input: () => ({ ticketId: ticket.id }) },
  'portal.reply': { min: 'portal', input: async () => ({ ticketId: await freshTicketId(), body: 'Any news?' }) },
  'portal.close': { min: 'portal', input: async () => ({ ticketId: await freshTicketId() }) },

  'ticket.list': { min: 'viewer', input: () => ({ view: 'all_open' }) },
  'ticket.viewCounts': { min: 'viewer' },
  'ticket.get': { min: 'viewer', input: () => ({ ticketId: ticket.id }) },
  'ticket.getByNumber': { min: 'viewer', input: () => ({ number: ticket.number }) },
  'ticket.search': { min: 'viewer', input: () => ({ query: 'printer' }) },
  'ticket.assignees': { min: 'viewer' },
  'ticket.create': {
    min: 'agent',
    input: () => ({ subject: 'Called about invoices', body: 'Customer phoned in.', requester: { customerId } }),
  },
  'ticket.reply': { min: 'agent', input: async () => ({ ticketId: await freshTicketId(), body: 'On it.' }) },
  'ticket.updateStatus': { min: 'agent', input: async () => ({ ticketId: await freshTicketId(), status: 'pending' }) },
  'ticket.assign': {
    min: 'agent',
    input: async () => ({ ticketId: await freshTicketId(), assigneeId: staff.agent.userId }),
  },
  'ticket.update': { min: 'agent', input: async () => ({ ticketId: await freshTicketId(), priority: 'high' }) },
  'ticket.merge': {
    min: 'agent',
    input: async () => ({ sourceTicketId: await freshTicketId(), targetTicketId: await freshTicketId() }),
  },
  'ticket.bulkUpdate': {
    min: 'agent',
    input: async () => ({
      ticketIds: [await freshTicketId(), await freshTicketId()],
      action: { type: 'priority', priority: 'low' },
    }),
  },

  'category.list': { min: 'viewer' },
  'category.create': { min: 'admin', input: () => ({ name: `Category ${uniqueSuffix()}` }) },
  'category.update': {
    min: 'admin',
    input: async () => ({ categoryId: (await createTestCategory(W.id)).id, color: '#123456' }),
  },

  'ticketType.list': { min: 'viewer' },
  'ticketType.create': { min: 'admin', input: () => ({ name: `Type ${uniqueSuffix()}` }) },
  'ticketType.update': {
    min: 'admin',
    input: async () => ({ typeId: (await createTestTicketType(W.id)).id, name: `Renamed ${uniqueSuffix()}` }),
  },
  // Every type of W, reversed: read when each role calls, so types other rows created are included.
  'ticketType.reorder': {
    min: 'admin',
    input: async () => ({
      typeIds: (await runInTenant(W.id, ({ db }) => db.select({ id: ticketTypes.id }).from(ticketTypes)))
        .map((t) => t.id)
        .reverse(),
    }),
  },
  'ticketType.usage': { min: 'admin' },
  'ticketType.delete': {
    min: 'admin',
    input: async () => ({ typeId: (await createTestTicketType(W.id)).id, tickets: { action: 'clear' } }),
  },

  'ticketField.list': { min: 'viewer' },
  'ticketField.create': {
    min: 'admin',
    input: () => ({
      key: `plan_${uniqueSuffix()}`,
      label: 'Plan',
      type: 'select',
      options: [{ value: 'pro', label: 'Pro' }],
    }),
  },
  'ticketField.archive': { min: 'admin', input: async () => ({ fieldId: (await createTestField(W.id)).id }) },
  'ticketField.update': {
    min: 'admin',
    // Not required on solve: a field required in W would stop every later case that solves a ticket there.
    // A dropdown losing an option, with the answer for its tickets, so the removal input is checked per role.
    input: async () => {
      const options = [
        { value: 'pro', label: 'Pro' },
        { value: 'team', label: 'Team' },
      ];
      const field = await createTestField(W.id, { type: 'select', options });
      return {
        fieldId: field.id,
        requiredOnSolve: false,
        options: options.slice(0, 1),
        removedOptions: [{ value: 'team', tickets: { action: 'reassign' as const, value: 'pro' } }],
      };
    },
  },
  'ticketField.usage': { min: 'admin' },
  'ticketField.delete': { min: 'admin', input: async () => ({ fieldId: (await createTestField(W.id)).id }) },
  'category.usage': { min: 'admin' },
  'category.delete': {
    min: 'admin',
    input: async () => ({ categoryId: (await createTestCategory(W.id)).id, tickets: { action: 'clear' } }),
  },
  'tag.list': { min: 'admin' },
  // A tag on a fresh ticket, so each role's attempt finds one to remove.
  'tag.delete': {
    min: 'admin',
    input: async () => {
      const tag = `retire-${uniqueSuffix()}`.toLowerCase();
      await createTestTicket(W.id, { requesterId: customerId, tags: [tag] });
      return { tag, tickets: { action: 'clear' } };
    },
  },

  'savedView.list': { min: 'viewer' },
  'savedView.create': { min: 'agent', input: () => ({ name: 'My urgent', filters: { priorities: ['urgent'] } }) },
  // The caller's own personal view: what an agent may delete.
  'savedView.delete': {
    min: 'agent',
    input: async (who) => ({ savedViewId: (await createTestSavedView(W.id, actorFor(who))).id }),
  },

  'macro.list': { min: 'viewer' },
  'macro.save': {
    min: 'agent',
    input: () => ({ name: `Macro ${uniqueSuffix()}`, body: 'Thanks, {{customer.name}}!', visibility: 'personal' }),
  },
  'macro.delete': {
    min: 'agent',
    input: async (who) => ({ macroId: (await createTestMacro(W.id, actorFor(who), { visibility: 'personal' })).id }),
  },
  'macro.applyToTicket': {
    min: 'agent',
    input: async () => ({ macroId: sharedMacroId, ticketId: await freshTicketId() }),
  },

  'ticketSettings.get': { min: 'viewer' },
  'ticketSettings.update': {
    min: 'admin',
    input: () => ({ prefix: 'SUP', includeYear: true, padding: 8, suffix: '' }),
  },

  'businessCalendar.list': { min: 'viewer' },
  'businessCalendar.save': {
    min: 'admin',
    input: () => ({
      calendar: {
        name: `Hours ${uniqueSuffix()}`,
        timeZone: 'America/New_York',
        weekly: [[], [{ start: '09:00', end: '17:00' }], [], [], [], [], []],
      },
    }),
  },
  'businessCalendar.delete': { min: 'admin', input: async () => ({ calendarId: (await createTestCalendar(W.id)).id }) },
  'businessCalendar.importHolidays': {
    min: 'admin',
    input: async () => ({
      calendarId: (await createTestCalendar(W.id)).id,
      ics: 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20270101\r\nEND:VEVENT\r\nEND:VCALENDAR',
    }),
  },
  'slaPolicy.list': { min: 'viewer' },
  'slaPolicy.save': {
    min: 'admin',
    input: () => ({
      name: `Policy ${uniqueSuffix()}`,
      conditions: { priorities: ['low'] },
      targets: { low: { first_response: 600 } },
    }),
  },
  'slaPolicy.delete': {
    min: 'admin',
    input: async () => ({
      policyId: (await createTestPolicy(W.id, { conditions: { tags: [`never-${uniqueSuffix()}`] } })).id,
    }),
  },
  'slaPolicy.reorder': {
    min: 'admin',
    input: async () => {
      const { listPolicies } = await import('@/server/services/sla/policies');
      await createTestPolicy(W.id, { conditions: { tags: [`never-${uniqueSuffix()}`] } });
      return { policyIds: (await runInTenant(W.id, (scope) => listPolicies(scope))).map((p) => p.id).reverse() };
    },
  },
  'slaSettings.get': { min: 'viewer' },
  'slaSettings.update': {
    min: 'admin',
    input: () => ({ defaultTargets: { low: { first_response: 48 * 60 } }, warnAtPercent: 75 }),
  },
  'slaReport.metrics': {
    min: 'viewer',
    input: () => ({ from: new Date(Date.now() - 7 * 86_400_000), to: new Date() }),
  },
  // The dashboard shows per-agent workload and ratings: agents (and team leads, who are agents) and admins.
  'report.calendar': { min: 'agent' },
  'report.dashboard': { min: 'agent', input: () => ({ from: '2026-03-01', to: '2026-03-31' }) },
  'report.selfService': { min: 'agent', input: () => ({ from: '2026-03-01', to: '2026-03-31' }) },
  'report.tickets': { min: 'agent', input: () => ({ from: '2026-03-01', to: '2026-03-31', metric: 'created' }) },
  'report.digest': { min: 'admin' },
  'report.updateDigest': { min: 'admin', input: () => ({ userIds: [] }) },

  // A subscription: calling it returns the stream without reading from it.
  'live.events': { min: 'viewer' },

  // Help center: public procedures name the workspace by slug; authoring is for agents, reading for all staff.
  'help.categories': { min: 'public', input: async () => ({ workspace: (await readableArticle()).workspace }) },
  'help.category': {
    min: 'public',
    input: async () => ({ workspace: W.slug, slug: (await readableArticle()).categorySlug }),
  },
  'help.article': { min: 'public', input: async () => ({ workspace: W.slug, slug: (await readableArticle()).slug }) },
  'help.popular': { min: 'public', input: () => ({ workspace: W.slug }) },
  'help.sitemap': { min: 'public', input: () => ({ workspace: W.slug }) },
  'help.search': { min: 'public', input: () => ({ workspace: W.slug, query: 'printer' }) },
  'help.suggest': { min: 'public', input: () => ({ workspace: W.slug, subject: 'Printer is on fire' }) },
  'help.contextual': { min: 'public', input: () => ({ workspace: W.slug, path: '/orders' }) },
  'help.feedback': {
    min: 'public',
    input: async () => ({ workspace: W.slug, articleId: (await readableArticle()).id, helpful: true }),
  },
  'help.recordView': {
    min: 'public',
    input: async () => ({ workspace: W.slug, articleId: (await readableArticle()).id }),
  },
  'support.record': {
    min: 'public',
    input: async () => ({
      workspace: W.slug,
      sessionId: '6f1c2d4e-8a9b-4c3d-9e2f-1a2b3c4d5e6f',
      source: 'help_center',
      pagePath: '/help',
      kind: 'article_viewed',
      articleId: (await readableArticle()).id,
    }),
  },
  'support.deflection': { min: 'admin', input: () => ({ from: new Date(Date.now() - 86_400_000), to: new Date() }) },
  'support.unansweredSearches': {
    min: 'admin',
    input: () => ({ from: new Date(Date.now() - 86_400_000), to: new Date() }),
  },

  'article.list': { min: 'viewer', input: () => ({}) },
  'article.get': { min: 'viewer', input: async () => ({ articleId: (await readableArticle()).id }) },
  'article.version': { min: 'viewer', input: async () => ({ articleId: (await readableArticle()).id, version: 1 }) },
  'article.search': { min: 'viewer', input: () => ({ query: 'printer' }) },
  'article.preview': { min: 'agent', input: () => ({ bodyMarkdown: '**Hello**' }) },
  'article.create': {
    min: 'agent',
    input: () => ({ title: 'Printer troubleshooting', slug: `printer-${uniqueSuffix()}` }),
  },
  'article.update': {
    min: 'agent',
    input: async () => ({
      articleId: (await readableArticle()).id,
      title: 'Renamed article',
      slug: `renamed-${uniqueSuffix()}`,
    }),
  },
  'article.restoreVersion': {
    min: 'agent',
    input: async () => ({ articleId: (await readableArticle()).id, version: 1 }),
  },
  'article.setStatus': {
    min: 'agent',
    input: async () => ({ articleId: (await readableArticle()).id, status: 'archived' }),
  },
  'article.schedule': {
    min: 'agent',
    input: async () => ({ articleId: (await readableArticle()).id, publishAt: new Date(Date.now() + 86_400_000) }),
  },

  'articleCategory.list': { min: 'viewer' },
  'articleCategory.save': { min: 'agent', input: () => ({ slug: `topic-${uniqueSuffix()}`, name: 'Printing' }) },
  'articleCategory.saveSection': {
    min: 'agent',
    input: async () => ({ categoryId: (await createTestArticleCategory(W.id)).id, name: 'Toner' }),
  },

  'helpLink.list': { min: 'viewer' },
  'helpLink.set': {
    min: 'agent',
    input: async () => ({ path: `/orders-${uniqueSuffix()}`, articleIds: [(await readableArticle()).id] }),
  },

  'notification.preferences': { min: 'viewer' },
  'notification.updatePreferences': {
    min: 'viewer',
    input: () => ({ preferences: [{ type: 'customer_replied', enabled: true }] }),
  },
  'notification.retryMail': {
    min: 'agent',
    input: async () => ({ mailId: await failFirstCustomerMail(W.id, await freshTicketId()) }),
  },
  'mailSettings.get': { min: 'admin' },
  'mailSettings.update': { min: 'admin', input: () => ({ fromName: 'Role Desk', fromAddress: null }) },
  'mailSettings.test': { min: 'admin', input: () => ({}) },
  'mailSettings.testStatus': { min: 'admin' },
  'inboundChannel.secretStatus': { min: 'admin' },
  'inboundChannel.rotateSecret': { min: 'admin' },
  'inboundChannel.mailbox': { min: 'admin' },
  'inboundChannel.saveMailbox': {
    min: 'admin',
    input: () => ({
      host: 'imap.role.test',
      port: 993,
      tls: true,
      username: 'desk@role.test',
      password: 'role-password',
      folder: 'INBOX',
      afterImport: 'flag',
    }),
  },
  // Testing needs a saved mailbox: after saveMailbox, before deleteMailbox.
  'inboundChannel.testMailbox': { min: 'admin' },
  'inboundChannel.mailboxTestStatus': { min: 'admin' },
  'inboundChannel.deleteMailbox': { min: 'admin' },
  'inboundChannel.settings': { min: 'admin' },
  'inboundChannel.saveAuthservId': { min: 'admin', input: () => ({ authservId: 'mx.role.test' }) },
  'inboundChannel.messages': { min: 'admin', input: () => ({ view: 'recent' }) },
  'inboundChannel.review': {
    min: 'admin',
    input: async () => ({ id: (await storeFailedInbound(W.id)).id, action: 'discard' }),
  },
  // Admin → Jobs: failed work of the workspace, for admins.
  'job.listFailed': { min: 'admin', input: () => ({}) },
  'job.retry': { min: 'admin', input: async () => ({ jobId: (await createTestFailedJob(W.id)).id }) },
  'job.retryAll': { min: 'admin' },
  // Privacy requests reach a customer's whole history: admins only. Each call gets its own customer.
  'privacyRequest.list': { min: 'admin', input: () => ({ customerId }) },
  'privacyRequest.export': { min: 'admin', input: async () => ({ customerId: (await createTestCustomer(W.id)).id }) },
  'privacyRequest.erase': {
    min: 'admin',
    input: async () => (({ id, email }) => ({ customerId: id, confirmEmail: email }))(await createTestCustomer(W.id)),
  },
  'retentionSettings.get': { min: 'admin' },
  'retentionSettings.update': { min: 'admin', input: () => ({ purgeAttachmentsAfterDays: 365 }) },
  // The support widget: the panel's procedures are public (the visitor is verified from the input's
  // signature, whoever the session is); Admin → Widget is for admins.
  'widget.config': { min: 'public', input: () => ({ workspace: W.slug, path: '/orders' }) },
  'widget.conversations': {
    min: 'public',
    input: async () => ({ workspace: W.slug, identity: (await widgetVisitor()).identity }),
  },
  'widget.conversation': { min: 'public', input: async () => ({ workspace: W.slug, ...(await widgetVisitor()) }) },
  'widget.reply': {
    min: 'public',
    input: async () => ({ workspace: W.slug, ...(await widgetVisitor()), body: 'Still broken?' }),
  },
  'widget.events': { min: 'public', input: () => ({ workspace: W.slug }) },
  // The survey of the verified visitor's own request (open: no survey yet), and a rating of a solved one.
  'widget.survey': { min: 'public', input: async () => ({ workspace: W.slug, ...(await widgetVisitor()) }) },
  'widget.rate': {
    min: 'public',
    input: async () => ({ ...(await solvedWidgetTicket()), response: { rating: 4 } }),
  },
  'widgetSettings.get': { min: 'admin' },
  'widgetSettings.update': {
    min: 'admin',
    input: () => ({
      allowedOrigins: ['https://role.test'],
      position: 'bottom-left',
      color: '#123456',
      greeting: 'Hello',
      articlesEnabled: true,
      contactFormEnabled: true,
      conversationsEnabled: true,
      requireVerifiedIdentity: true,
    }),
  },
  'widgetSettings.rotateSecret': { min: 'admin' },
  // Ending a rotation needs one in progress: each call starts one first.
  'widgetSettings.endRotation': {
    min: 'admin',
    input: async () => {
      await asStaff(W.id, { userId: W.owner.userId, role: 'owner' }, (scope) => rotateWidgetSecret(scope));
      return undefined;
    },
  },

  // Satisfaction: the survey page's link procedures are public (the signed link is the key); the portal
  // survey is the customer's; agents read a ticket's ratings; admins set the survey up.
  'csat.linkSurvey': { min: 'public', input: () => linkInput() },
  'csat.rateByLink': { min: 'public', input: () => linkInput() },
  'csat.submitByLink': {
    min: 'public',
    input: async () => ({ ...(await linkInput()), response: { rating: 3, comment: 'Fine.' } }),
  },
  'csat.forTicket': { min: 'viewer', input: () => ({ ticketId: ticket.id }) },
  'csatSettings.get': { min: 'admin' },
  'csatSettings.update': {
    min: 'admin',
    input: () => ({ enabled: true, scale: 'five', questions: ['solution'], linkDays: 14 }),
  },
  'portal.survey': { min: 'portal', input: () => ({ ticketId: ticket.id }) },
  'portal.rate': {
    min: 'portal',
    input: async () => ({ ticketId: await solvedTicketFor(W, customerId), response: { rating: 5 } }),
  },
  'automationRule.list': { min: 'admin' },
  'automationRule.get': { min: 'admin', input: async () => ({ ruleId: (await createTestRule(W.id, {})).id }) },
  'automationRule.save': {
    min: 'admin',
    input: () => ({
      name: `Rule ${uniqueSuffix()}`,
      kind: 'event',
      triggers: ['ticket.created'],
      actions: [{ type: 'add_tags', tags: ['matrix'] }],
    }),
  },
  'automationRule.setEnabled': {
    min: 'admin',
    input: async () => ({ ruleId: (await createTestRule(W.id, {})).id, enabled: false }),
  },
  'automationRule.delete': { min: 'admin', input: async () => ({ ruleId: (await createTestRule(W.id, {})).id }) },
  'automationRule.reorder': {
    min: 'admin',
    input: async () => {
      await createTestRule(W.id, { kind: 'time', triggers: [], time: { since: 'created', hours: 1000 } });
      const { listRules } = await import('@/server/services/automation/rules');
      const rules = await runInTenant(W.id, (scope) => listRules(scope));
      return {
        ruleIds: rules
          .filter((r) => r.kind === 'time')
          .map((r) => r.id)
          .reverse(),
      };
    },
  },
  'automationRule.dryRun': {
    min: 'admin',
    input: () => ({
      days: 7,
      rule: { name: 'Try', kind: 'event', triggers: ['ticket.created'], actions: [{ type: 'add_tags', tags: ['x'] }] },
    }),
  },
};

let visitor: Promise<{ identity: { id: string; signature: string }; ticketId: string }> | undefined;
/** A verified widget visitor of W with one request, made once; signed with the secret as it is then. */
function widgetVisitor() {
  visitor ??= (async () => {
    const { sign } = await setUpTestWidget(W, ['https://role.test']);
    const id = `role-visitor-${uniqueSuffix()}`;
    const identity = { id, email: uniqueEmail('visitor'), signature: sign(id) };
    const { ticketId } = await withWidget(W.slug, identity, (scope) =>
      fileWidgetRequest(scope, fileWidgetRequestInput.parse({ identity, subject: 'Widget row', message: 'Hi' }), []),
    );
    return { identity: { id, signature: identity.signature }, ticketId };
  })();
  return visitor;
}

/** A solved request of the widget visitor's customer, made for each call: each rating needs its own survey. */
async function solvedWidgetTicket() {
  const { identity, ticketId } = await widgetVisitor();
  const [row] = await runInTenant(W.id, ({ db }) =>
    db.select({ requesterId: tickets.requesterId }).from(tickets).where(eq(tickets.id, ticketId)),
  );
  return { workspace: W.slug, identity, ticketId: await solvedTicketFor(W, row!.requesterId) };
}

const isStaffTier = (tier: Tier): tier is MemberRole => tier in RANK;

beforeAll(async () => {
  W = await createWorkspace();
  staff = {
    owner: W.owner,
    admin: await addMember(W.id, 'admin'),
    agent: await addMember(W.id, 'agent'),
    viewer: await addMember(W.id, 'viewer'),
  };
  customerId = (await createTestCustomer(W.id)).id;
  ticket = await createTestTicket(W.id, { requesterId: customerId, subject: 'Printer jams on page two' });
  sharedMacroId = (await createTestMacro(W.id, staff.owner, { visibility: 'everyone', actions: { priority: 'high' } }))
    .id;
});

describe('role matrix', () => {
  it('every procedure of the app router has a row', () => {
    const paths = allProcedurePaths();
    const missing = paths.filter((p) => !(p in MATRIX));
    const stale = Object.keys(MATRIX).filter((p) => !paths.includes(p));
    expect(
      { missing, stale },
      'add a row to MATRIX in tests/integration/role-matrix.test.ts for each new procedure',
    ).toEqual({ missing: [], stale: [] });
  });

  for (const [path, row] of Object.entries(MATRIX)) {
    for (const role of STAFF_ROLES) {
      const allowed =
        row.min === 'public' || row.min === 'authed' || (isStaffTier(row.min) && RANK[role] >= RANK[row.min]);
      const expectation =
        row.min === 'portal' ? 'UNAUTHORIZED (staff are not portal customers)' : allowed ? 'succeeds' : 'FORBIDDEN';
      it(`${path} as ${role} → ${expectation}`, async () => {
        const caller = callerFor({ userId: staff[role].userId, workspaceId: W.id });
        const code = await errorCodeOf(callByPath(caller, path, await row.input?.(role)));
        expect(code).toBe(row.min === 'portal' ? 'UNAUTHORIZED' : allowed ? null : 'FORBIDDEN');
      });
    }

    if (row.min !== 'public') {
      it(`${path} signed out → UNAUTHORIZED`, async () => {
        const code = await errorCodeOf(callByPath(callerFor({}), path, await row.input?.('anonymous')));
        expect(code).toBe('UNAUTHORIZED');
      });
      // The portal session is a customer's, not a staff member's: it opens portal procedures only.
      const expectation = row.min === 'portal' ? 'succeeds' : 'UNAUTHORIZED';
      it(`${path} as a portal customer → ${expectation}`, async () => {
        const caller = callerFor({ portal: { tenantId: W.id, customerId } });
        const code = await errorCodeOf(callByPath(caller, path, await row.input?.('portal')));
        expect(code).toBe(row.min === 'portal' ? null : 'UNAUTHORIZED');
      });
    }
  }

  it('a signed-in person without any workspace is FORBIDDEN from workspace procedures but may create one', async () => {
    const { userId } = await createUser();
    const loner = callerFor({ userId });
    await expect(loner.member.list()).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/not a member of any workspace/),
    });
    await expect(loner.workspace.list()).resolves.toEqual([]);
    await expect(loner.workspace.create({ name: 'My Own', slug: uniqueSlug('own') })).resolves.toMatchObject({
      name: 'My Own',
    });
  });
});

describe('owner-only rules', () => {
  const roleOf = async (membershipId: string) =>
    (
      await runInTenant(W.id, ({ db }) =>
        db.select({ role: memberships.role }).from(memberships).where(eq(memberships.id, membershipId)),
      )
    )[0]?.role ?? null;

  it('an admin cannot demote an owner, promote anyone to owner, or remove an owner', async () => {
    const asAdmin = callerFor({ userId: staff.admin.userId, workspaceId: W.id });
    await expect(
      asAdmin.member.updateRole({ membershipId: staff.owner.membershipId, role: 'agent' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/owner/) });
    await expect(
      asAdmin.member.updateRole({ membershipId: staff.agent.membershipId, role: 'owner' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      asAdmin.member.updateRole({ membershipId: staff.admin.membershipId, role: 'owner' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(asAdmin.member.remove({ membershipId: staff.owner.membershipId })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await roleOf(staff.owner.membershipId)).toBe('owner');
    expect(await roleOf(staff.agent.membershipId)).toBe('agent');
    expect(await roleOf(staff.admin.membershipId)).toBe('admin');
  });

  it('the last owner can be neither demoted nor removed, not even by themselves', async () => {
    const solo = await createWorkspace();
    const asOwner = callerFor({ userId: solo.owner.userId, workspaceId: solo.id });
    await expect(
      asOwner.member.updateRole({ membershipId: solo.owner.membershipId, role: 'admin' }),
    ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED', message: expect.stringMatching(/only owner/) });
    await expect(asOwner.member.remove({ membershipId: solo.owner.membershipId })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: expect.stringMatching(/only owner/),
    });
    const [row] = await runInTenant(solo.id, ({ db }) => db.select({ role: memberships.role }).from(memberships));
    expect(row?.role).toBe('owner');
  });

  it('an owner can make someone else an owner and then step down', async () => {
    const ws = await createWorkspace();
    const next = await addMember(ws.id, 'admin');
    const asOwner = callerFor({ userId: ws.owner.userId, workspaceId: ws.id });
    await expect(asOwner.member.updateRole({ membershipId: next.membershipId, role: 'owner' })).resolves.toMatchObject({
      role: 'owner',
    });
    await expect(
      asOwner.member.updateRole({ membershipId: ws.owner.membershipId, role: 'admin' }),
    ).resolves.toMatchObject({ role: 'admin' });
    // Now an admin, the former owner can no longer touch the remaining owner.
    await expect(asOwner.member.remove({ membershipId: next.membershipId })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('two owners demoting each other at the same moment still leave one owner', async () => {
    // A race, so tried several times: without the owner lock most attempts end with no owner at all.
    for (let attempt = 0; attempt < 5; attempt++) {
      const ws = await createWorkspace();
      const second = await addMember(ws.id, 'owner');
      const results = await Promise.allSettled([
        callerFor({ userId: ws.owner.userId, workspaceId: ws.id }).member.updateRole({
          membershipId: second.membershipId,
          role: 'agent',
        }),
        callerFor({ userId: second.userId, workspaceId: ws.id }).member.updateRole({
          membershipId: ws.owner.membershipId,
          role: 'agent',
        }),
      ]);
      const owners = await runInTenant(ws.id, ({ db }) =>
        db.select().from(memberships).where(eq(memberships.role, 'owner')),
      );
      expect(owners).toHaveLength(1);
      // The loser is refused as the only owner, or, if it started after the winner committed, as no longer an admin.
      const outcomes = results.map((r) => (r.status === 'fulfilled' ? 'ok' : (r.reason as { code: string }).code));
      expect(outcomes.filter((o) => o === 'ok')).toHaveLength(1);
      expect(outcomes.find((o) => o !== 'ok')).toMatch(/^(PRECONDITION_FAILED|FORBIDDEN)$/);
    }
  });
});

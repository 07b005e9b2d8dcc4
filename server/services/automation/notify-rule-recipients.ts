import { and, eq, inArray, or } from 'drizzle-orm';
import { env } from '@/lib/env';
import { AGENT_ROLES } from '@/lib/constants/workspace';
import { formatTicketNumber } from '@/lib/utils/ticket-number';
import { ruleNotificationEmail } from '@/emails/rule-notification';
import { memberships, teamMembers, users } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { workspaceSender } from '@/server/services/notification/sender';
import { addManyToOutbox } from '@/server/services/outbox/add-to-outbox';
import type { TicketRecord } from '@/server/services/ticket/load-ticket';
import { getTicketSettings } from '@/server/services/ticket/settings';

/**
 * A rule's "notify" action: a mail to each named agent and each agent of the named team (once each), as
 * outbox rows in the rule's transaction, so they go out exactly when the rule's changes commit. People no
 * longer agents here are skipped rather than failing the rule.
 */
export async function notifyRuleRecipients(
  scope: TenantScope,
  ticket: TicketRecord,
  notice: { userIds: string[]; teamId: string | null; message: string; ruleName: string },
) {
  const inTeam = notice.teamId
    ? inArray(
        memberships.userId,
        scope.db.select({ userId: teamMembers.userId }).from(teamMembers).where(eq(teamMembers.teamId, notice.teamId)),
      )
    : undefined;
  const named = notice.userIds.length ? inArray(memberships.userId, notice.userIds) : undefined;
  if (!inTeam && !named) return [];
  const recipients = await scope.db
    .selectDistinct({ email: users.email, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(inArray(memberships.role, [...AGENT_ROLES]), or(named, inTeam)));
  if (!recipients.length) return [];
  const sender = await workspaceSender(scope);
  const settings = await getTicketSettings(scope);
  const rendered = await ruleNotificationEmail({
    brand: sender.brand,
    ticket: {
      displayNumber: formatTicketNumber(settings, ticket.number, ticket.createdAt),
      subject: ticket.subject,
      url: new URL(`/agent/tickets/${ticket.id}`, env.APP_URL).toString(),
    },
    ruleName: notice.ruleName,
    message: notice.message,
  });
  return addManyToOutbox(
    scope,
    'email',
    recipients.map((r) => ({
      payload: {
        to: r.email,
        toName: r.name || undefined,
        ...rendered,
        from: sender.from,
        headers: { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All' },
      },
    })),
  );
}

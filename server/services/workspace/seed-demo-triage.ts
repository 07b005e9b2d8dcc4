import { eq } from 'drizzle-orm';
import type { TicketPriority } from '@/lib/constants/ticket';
import { customers, teamMembers, teams } from '@/server/db/schema';
import { updateAgentProfile, updateTeamAssignment } from '@/server/services/assignment/team-assignment';
import { addMessage } from '@/server/services/ticket/add-message';
import { createCategory } from '@/server/services/ticket/categories';
import { commitTicketChange } from '@/server/services/ticket/commit-ticket-change';
import { createTicket } from '@/server/services/ticket/create-ticket';
import { loadTicketForUpdate } from '@/server/services/ticket/load-ticket';
import { trainTriage } from '@/server/services/triage/train-triage';
import type { StaffScope } from '@/server/services/types';

const CATEGORIES = [
  { name: 'Account', color: '#0ea5e9', icon: 'user' },
  { name: 'Billing', color: '#f59e0b', icon: 'credit-card' },
  { name: 'Bugs', color: '#ef4444', icon: 'bug' },
] as const;

/** Last month's solved tickets: what the triage classifier learns from in the demo. */
const HISTORY: Array<{
  subject: string;
  body: string;
  category: (typeof CATEGORIES)[number]['name'];
  priority: TicketPriority;
}> = [
  {
    subject: 'Locked out after too many sign-in attempts',
    body: 'My account is locked, I cannot sign in.',
    category: 'Account',
    priority: 'normal',
  },
  {
    subject: 'Change the email address of my account',
    body: 'I need to sign in with a new email.',
    category: 'Account',
    priority: 'low',
  },
  {
    subject: 'Two-factor codes not accepted',
    body: 'Sign in fails, the account says the code is wrong.',
    category: 'Account',
    priority: 'normal',
  },
  {
    subject: 'Remove a former colleague from our account',
    body: 'Please delete the user and their sign in.',
    category: 'Account',
    priority: 'low',
  },
  {
    subject: 'Charged twice this month',
    body: 'The card was charged twice, please refund one invoice.',
    category: 'Billing',
    priority: 'high',
  },
  {
    subject: 'Need a copy of last year’s invoices',
    body: 'Our accountant needs every invoice with VAT.',
    category: 'Billing',
    priority: 'normal',
  },
  {
    subject: 'Refund after cancelling the plan',
    body: 'We cancelled the subscription, when is the refund paid?',
    category: 'Billing',
    priority: 'high',
  },
  {
    subject: 'Switch from monthly to annual billing',
    body: 'How do we change the plan and the invoice date?',
    category: 'Billing',
    priority: 'normal',
  },
  {
    subject: 'Dashboard crashes when filtering by date',
    body: 'The page shows an error and crashes every time.',
    category: 'Bugs',
    priority: 'urgent',
  },
  {
    subject: 'Import fails with an error on row 12',
    body: 'The CSV import stops with an error, nothing is imported.',
    category: 'Bugs',
    priority: 'high',
  },
  {
    subject: 'Charts show no data since the update',
    body: 'After the update the charts are empty, looks like a bug.',
    category: 'Bugs',
    priority: 'urgent',
  },
  {
    subject: 'Search returns an error page',
    body: 'Searching for any order gives a 500 error.',
    category: 'Bugs',
    priority: 'high',
  },
];

/**
 * The demo's assignment and triage: the Frontline team assigns by least load with previous interactions on,
 * its agents have capacities and skills, and a classifier trained on a dozen solved tickets, so a ticket filed
 * in the portal is assigned and shows a category and priority suggestion once the worker has seen it.
 */
export async function seedDemoTriage(scope: StaffScope, agentIds: string[]) {
  const categories = new Map<string, string>();
  for (const c of CATEGORIES) categories.set(c.name, (await createCategory(scope, { ...c, description: '' })).id);
  const [requester] = await scope.db.select({ id: customers.id }).from(customers).limit(1);
  for (const [index, past] of HISTORY.entries()) {
    const agent = { type: 'agent' as const, userId: agentIds[index % agentIds.length]! };
    const created = await createTicket(scope, {
      requesterId: requester!.id,
      subject: past.subject,
      body: past.body,
      priority: past.priority,
      categoryId: categories.get(past.category),
      channel: 'email',
      actor: { type: 'customer', customerId: requester!.id },
    });
    await commitTicketChange(
      scope,
      await loadTicketForUpdate(scope, created.id),
      { assigneeId: agent.userId, status: 'open' },
      { actor: agent, channel: 'system', action: 'assigned' },
    );
    await addMessage(scope, await loadTicketForUpdate(scope, created.id), agent, {
      kind: 'reply',
      body: 'This is sorted now; thanks for your patience.',
      status: 'solved',
    });
  }
  const [team] = await scope.db.select({ id: teams.id }).from(teams).where(eq(teams.name, 'Frontline'));
  const members = await scope.db
    .select({ userId: teamMembers.userId })
    .from(teamMembers)
    .where(eq(teamMembers.teamId, team!.id));
  await updateTeamAssignment(scope, {
    teamId: team!.id,
    policy: 'least_loaded',
    leadUserId: scope.actor.userId,
    preferPreviousAgent: true,
  });
  const skills = [
    ['account', 'login', 'api'],
    ['billing', 'bugs', 'export'],
  ];
  for (const [index, member] of members.entries())
    await updateAgentProfile(scope, {
      userId: member.userId,
      capacity: 8,
      skills: skills[index % skills.length]!,
      languages: ['en'],
    });
  await trainTriage(scope);
}

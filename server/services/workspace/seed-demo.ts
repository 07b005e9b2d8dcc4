import { sql } from 'drizzle-orm';
import { memberships, teamMembers, users } from '@/server/db/schema';
import { runInTenant, runWithoutTenant } from '@/server/db/tenant';
import { saveRuleInput } from '@/lib/validators/automation';
import { hashPassword } from '@/server/services/auth/password';
import { saveRule } from '@/server/services/automation/rules';
import { seedDemoArticles } from '@/server/services/help/seed-demo-articles';
import { seedDemoSupportSessions } from '@/server/services/support/seed-demo-sessions';
import { createCustomer } from '@/server/services/customer/customers';
import { createTeam } from '@/server/services/team/teams';
import { seedDemoTriage } from './seed-demo-triage';
import { signUpWithWorkspace } from './create-workspace';
import { seedDemoWidget } from '@/server/services/widget/seed-demo-widget';
import { seedDemoInbound } from '@/server/services/inbound/seed-demo-inbound';
import { seedDemoMacros } from './seed-demo-macros';
import { seedDemoTickets } from './seed-demo-tickets';

export const DEMO_WORKSPACE = { name: 'Acme Support', slug: 'acme' };
export const DEMO_LOGINS = [
  { role: 'owner', name: 'Olivia Owner', email: 'owner@acme.test', password: 'cairn-demo-owner' },
  { role: 'agent', name: 'Alex Agent', email: 'alex@acme.test', password: 'cairn-demo-agent' },
  { role: 'agent', name: 'Sam Agent', email: 'sam@acme.test', password: 'cairn-demo-agent' },
] as const;
export const DEMO_CUSTOMERS = [
  { email: 'casey@example.com', name: 'Casey Customer' },
  { email: 'jordan@example.com', name: 'Jordan Lee' },
  { email: 'riley@example.org', name: 'Riley Chen' },
];

/** Seeds the demo workspace when the database has no people yet; returns whether it did. */
export async function seedDemoIfEmpty() {
  const existing = await runWithoutTenant((tx) =>
    tx.execute<{ any: boolean }>(sql`select exists (select 1 from users) as any`),
  );
  if (existing.rows[0]?.any) return false;
  const [owner, ...agents] = DEMO_LOGINS;
  const { workspace, userId: ownerId } = await signUpWithWorkspace({
    name: owner.name,
    email: owner.email,
    password: owner.password,
    workspaceName: DEMO_WORKSPACE.name,
    workspaceSlug: DEMO_WORKSPACE.slug,
  });
  await runInTenant(
    workspace.id,
    async (scope) => {
      const team = await createTeam(scope, { name: 'Frontline', description: 'First response for every new ticket' });
      const agentIds: string[] = [];
      for (const agent of agents) {
        const [user] = await scope.db
          .insert(users)
          .values({
            name: agent.name,
            email: agent.email,
            passwordHash: await hashPassword(agent.password),
            emailVerified: new Date(),
          })
          .returning({ id: users.id });
        await scope.db.insert(memberships).values({ tenantId: workspace.id, userId: user!.id, role: 'agent' });
        await scope.db.insert(teamMembers).values({ tenantId: workspace.id, teamId: team.id, userId: user!.id });
        agentIds.push(user!.id);
      }
      for (const customer of DEMO_CUSTOMERS) await createCustomer(scope, customer);
      const owner = { ...scope, actor: { userId: ownerId, role: 'owner' as const } };
      await seedDemoArticles(owner);
      await seedDemoTickets(owner);
      await seedDemoWidget(owner);
      await seedDemoSupportSessions(scope);
      await seedDemoTriage(owner, agentIds);
      await seedDemoMacros(owner, team.id);
      // A rule a visitor can open, dry-run and watch act: refund requests are tagged, noted and answered.
      await saveRule(
        scope,
        saveRuleInput.parse({
          name: 'Refund requests',
          kind: 'event',
          triggers: ['ticket.created'],
          conditions: {
            match: 'all',
            conditions: [{ field: 'text', op: 'has_any', values: ['refund', 'money back'] }],
          },
          actions: [
            { type: 'add_tags', tags: ['refund'] },
            { type: 'assign_team', teamId: team.id },
            {
              type: 'auto_reply',
              body: 'Hello {{ customer.name }}, we received {{ ticket.number }}. Refunds are answered within one business day.',
            },
          ],
        }),
      );
    },
    ownerId,
  );
  await seedDemoInbound(workspace.id);
  return true;
}

import { randomUUID } from 'node:crypto';
import { dispatchPendingEvents } from '../helpers/notification-mail';
import { csatLinkFor } from '../helpers/csat-isolation';
import { rateByLink } from '@/server/services/csat/link-survey';
import { updateCsatSettings } from '@/server/services/csat/settings';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { automationRules, teams, ticketTriageSuggestions } from '@/server/db/schema';
import { runInTenant, runWithoutTenant } from '@/server/db/tenant';
import { APP_ROLE, ownerDatabaseUrl } from '@/server/db/urls';
import { startSmtpCheck } from '@/server/services/outbound/smtp-check';
import { rotateInboundSecret } from '@/server/services/inbound/inbound-secret';
import { saveImapMailbox } from '@/server/services/inbound/imap-mailbox';
import { addCcParticipants } from '@/server/services/inbound/add-cc-participants';
import { storeInboundMessage } from '@/server/services/inbound/store-inbound-message';
import { recordSupportActivity } from '@/server/services/support/record-support-activity';
import { updateMailSettings } from '@/server/services/notification/mail-settings';
import { updateNotificationPreferences } from '@/server/services/notification/preferences';
import { requestPortalLink } from '@/server/services/portal/portal-sign-in';
import { replyAsAgent } from '@/server/services/ticket/agent-actions';
import { claimFiring } from '@/server/services/automation/rule-records';
import {
  createTestField,
  createTestMacro,
  createTestSavedView,
  createTestTicket,
  uploadTestAttachment,
} from '../helpers/ticket-factories';
import { seedHelpCenter } from '../helpers/help-factories';
import { setUpTestWidget } from '../helpers/widget-factories';
import { updateAgentProfile, updateTeamAssignment } from '@/server/services/assignment/team-assignment';
import { updateTriageSettings } from '@/server/services/triage/triage-settings';
import { createTestCalendar, createTestPolicy } from '../helpers/sla-factories';
import { checkTicketSla } from '@/server/services/sla-check/check-ticket-sla';
import { requestCustomerExport } from '@/server/services/privacy/request-privacy';
import {
  addMember,
  asStaff,
  addTestDomain,
  createTestCustomer,
  createTestInvitation,
  createTestOrganization,
  createTestTeam,
  createWorkspace,
  uniqueEmail,
  type TestWorkspace,
} from '../helpers/factories';

// The second tenant wall (STYLE §2), read from the catalog and then tried with data behind it. On the
// embedded database the owner is the superuser `postgres` and the app role is set per transaction; every
// assertion here holds in both modes because the app side always goes through runInTenant/runWithoutTenant.

/** Tables without tenant_id, each with the reason it is not a tenant table. A new one must be listed here. */
const GLOBAL_TABLES: Record<string, string> = {
  tenants: 'the workspaces themselves; own RLS on id (tenant_self, tenant_of_member)',
  users: 'staff identities: one person may belong to several workspaces',
  accounts: 'Auth.js provider links of a user',
  sessions: 'Auth.js sessions of a user',
  verification_tokens: 'Auth.js staff magic links, keyed by email before any workspace is known',
};

let owner: pg.Client;
let tenantTables: string[];
let a: TestWorkspace;
let b: TestWorkspace;

async function ownerQuery<T extends pg.QueryResultRow>(text: string, values: unknown[] = []) {
  return (await owner.query<T>(text, values)).rows;
}

/** Rows in every tenant table for a workspace, through the services that create them. */
async function seedWorkspace() {
  const ws = await createWorkspace();
  const agent = await addMember(ws.id, 'agent');
  const team = await createTestTeam(ws.id, { memberUserIds: [agent.userId] });
  const org = await createTestOrganization(ws.id);
  await createTestCustomer(ws.id, { organizationId: org.id });
  await addTestDomain(ws.id);
  await createTestInvitation(ws.id, { userId: ws.owner.userId, role: 'owner' }); // invitations + outbox
  await requestPortalLink({ workspace: ws.slug, email: uniqueEmail('portal') }); // customer_login_tokens + outbox
  // Ticketing: sign-up seeded ticket_categories; a ticket brings ticket_counters, ticket_messages and
  // ticket_activities; an agent reply carries an attachment.
  const requester = await createTestCustomer(ws.id);
  const ticket = await createTestTicket(ws.id, { requesterId: requester.id });
  // Automation: the built-in auto-close rule exists already; a firing of it on the ticket.
  await runInTenant(ws.id, async (scope) => {
    const [rule] = await scope.db.select({ id: automationRules.id }).from(automationRules);
    await claimFiring(scope, rule!.id, ticket.id, 'seed');
  });
  const file = await uploadTestAttachment(ws.id, { type: 'agent', userId: agent.userId });
  await asStaff(ws.id, { userId: agent.userId, role: 'agent' }, (scope) =>
    replyAsAgent(scope, {
      ticketId: ticket.id,
      body: 'See the screenshot.',
      kind: 'reply',
      timeSpentMinutes: 0,
      attachmentIds: [file.id],
      confirmStale: false,
    }),
  );
  await createTestField(ws.id);
  await createTestSavedView(ws.id, { userId: agent.userId, role: 'agent' });
  await createTestMacro(ws.id, ws.owner);
  // Help center: a category, section, published article (and its version), feedback, a help link, a search.
  await seedHelpCenter(ws);
  // SLA: a calendar; a policy with a breach escalation; a ticket with clocks, checked three hours on so it
  // breaches and the escalation runs (sla_escalation_runs).
  await createTestCalendar(ws.id);
  await createTestPolicy(ws.id, { escalations: [{ trigger: 'breach', afterMinutes: 0, setPriority: 'urgent' }] });
  const late = await createTestTicket(ws.id);
  await runInTenant(ws.id, (scope) => checkTicketSla(scope, late.id, new Date(Date.now() + 3 * 3_600_000)));
  // Outbound email: the tickets' events, dispatched as the worker would, queue their mails (ticket_mail_threads,
  // ticket_mails); add a preference and the workspace's mail settings.
  await dispatchPendingEvents(ws.id);
  await asStaff(ws.id, { userId: agent.userId, role: 'agent' }, (scope) =>
    updateNotificationPreferences(scope, { preferences: [{ type: 'customer_replied', enabled: false }] }),
  );
  await asStaff(ws.id, ws.owner, (scope) =>
    updateMailSettings(scope, { fromName: 'Seeded Support', fromAddress: null }),
  );
  // Privacy: an export request brings privacy_requests and its audit_log entry.
  const customer = await createTestCustomer(ws.id);
  await asStaff(ws.id, ws.owner, (scope) => requestCustomerExport(scope, { customerId: customer.id }));
  // Outbound checks: a started "Test connection" (its row; the job is not run here).
  await asStaff(ws.id, ws.owner, (scope) => startSmtpCheck(scope, {}));
  // Inbound mail: the channel's secret (inbound_channels) and one received message, stored, not yet processed.
  await asStaff(ws.id, ws.owner, (scope) => rotateInboundSecret(scope));
  await asStaff(ws.id, ws.owner, (scope) =>
    saveImapMailbox(scope, {
      host: 'imap.seed.test',
      port: 993,
      tls: true,
      username: `desk@${ws.slug}.test`,
      password: 'seed-password',
      folder: 'INBOX',
      afterImport: 'flag',
    }),
  );
  await storeInboundMessage(ws.id, Buffer.from(`From: c@example.test\r\nSubject: hi\r\n\r\nseed ${ws.slug}\r\n`));
  // A person in CC of the mail that opened the ticket joins it (ticket_participants), as inbound processing does.
  await runInTenant(ws.id, (scope) =>
    addCcParticipants(
      scope,
      { id: ticket.id, requesterEmail: requester.email },
      [{ address: uniqueEmail('cc'), name: 'Copied Colleague' }],
      new Set(),
    ),
  );
  await setUpTestWidget(ws, ['https://host.example.test']);
  // Satisfaction: the survey settings, and a solved ticket's survey rated once (csat_surveys, csat_rating_events).
  await asStaff(ws.id, ws.owner, (scope) =>
    updateCsatSettings(scope, { enabled: true, scale: 'five', questions: ['team'], linkDays: 14 }),
  );
  const survey = await csatLinkFor(ws, (await createTestCustomer(ws.id)).id);
  await rateByLink({ slug: ws.slug, token: survey.token, ip: '203.0.113.9' });
  // Deflection: one support-session fact (support_activity); the published article filled help_search_terms.
  await runInTenant(ws.id, (scope) =>
    recordSupportActivity(scope, { sessionId: randomUUID(), source: 'help_center', pagePath: '/help', kind: 'search' }),
  );
  // Assignment and triage: a team policy, an agent's profile, the triage settings, and a suggestion as the
  // ticket.created consumer leaves one (a trained model would need solved tickets).
  await asStaff(ws.id, ws.owner, async (scope) => {
    await updateTeamAssignment(scope, {
      teamId: team.id,
      policy: 'round_robin',
      leadUserId: null,
      preferPreviousAgent: false,
    });
    await updateAgentProfile(scope, { userId: agent.userId, capacity: 5, skills: ['billing'], languages: ['en'] });
    await updateTriageSettings(scope, { threshold: 0.7, kbNoteEnabled: true });
    await scope.db.insert(ticketTriageSuggestions).values({ tenantId: ws.id, ticketId: ticket.id, priority: 'high' });
  });
  return ws;
}

const countAs = (tx: Parameters<Parameters<typeof runWithoutTenant>[0]>[0], table: string, where = sql``) =>
  tx
    .execute<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(table)} ${where}`)
    .then((r) => Number(r.rows[0]!.n));

beforeAll(async () => {
  owner = new pg.Client({ connectionString: ownerDatabaseUrl() });
  await owner.connect();
  const rows = await ownerQuery<{ relname: string }>(
    `select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind in ('r', 'p')
       and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)
     order by c.relname`,
  );
  tenantTables = rows.map((r) => r.relname);
  a = await seedWorkspace();
  b = await seedWorkspace();
});

afterAll(async () => {
  await owner?.end();
});

describe('catalog', () => {
  it('finds the tenant tables (a sanity check on the query itself)', () => {
    expect(tenantTables).toEqual(
      expect.arrayContaining([
        'memberships',
        'invitations',
        'teams',
        'team_members',
        'customers',
        'organizations',
        'customer_login_tokens',
        'outbox',
        'workspace_domains',
        'tickets',
        'ticket_messages',
        'ticket_activities',
        'ticket_counters',
        'ticket_categories',
        'ticket_fields',
        'attachments',
        'saved_views',
        'macros',
        'article_categories',
        'article_sections',
        'articles',
        'article_versions',
        'article_feedback',
        'help_links',
        'help_searches',
        'help_search_terms',
        'support_activity',
        'notification_preferences',
        'mail_settings',
        'ticket_mail_threads',
        'ticket_mails',
        'outbound_checks',
        'inbound_channels',
        'inbound_messages',
        'privacy_requests',
        'audit_log',
        'csat_settings',
        'csat_surveys',
        'csat_rating_events',
        'team_assignment_settings',
        'agent_profiles',
        'triage_settings',
        'ticket_triage_suggestions',
      ]),
    );
  });

  it('every table in public either has tenant_id or is a declared global table', async () => {
    const rows = await ownerQuery<{ relname: string }>(
      `select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind in ('r', 'p')`,
    );
    const unexplained = rows.map((r) => r.relname).filter((t) => !tenantTables.includes(t) && !(t in GLOBAL_TABLES));
    expect(unexplained, 'add tenant_id to these tables, or list them in GLOBAL_TABLES with the reason').toEqual([]);
  });

  it('every tenant table has row-level security enabled and forced, with at least one policy', async () => {
    const rows = await ownerQuery<{ relname: string; enabled: boolean; forced: boolean; policies: number }>(
      `select c.relname, c.relrowsecurity as enabled, c.relforcerowsecurity as forced,
              (select count(*)::int from pg_policies p where p.schemaname = 'public' and p.tablename = c.relname) as policies
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relname = any($1)`,
      [tenantTables],
    );
    expect(rows).toHaveLength(tenantTables.length);
    for (const row of rows) {
      expect({ table: row.relname, enabled: row.enabled, forced: row.forced, hasPolicy: row.policies > 0 }).toEqual({
        table: row.relname,
        enabled: true,
        forced: true,
        hasPolicy: true,
      });
    }
  });

  it('every tenant_isolation policy filters on the current tenant for reads and writes', async () => {
    const rows = await ownerQuery<{ tablename: string; qual: string | null; with_check: string | null; cmd: string }>(
      `select tablename, qual, with_check, cmd from pg_policies where schemaname = 'public' and policyname = 'tenant_isolation'`,
    );
    expect(rows.map((r) => r.tablename).sort()).toEqual([...tenantTables].sort());
    for (const row of rows) {
      expect(row.cmd).toBe('ALL');
      expect(row.qual).toContain('cairn_current_tenant()');
      expect(row.with_check).toContain('cairn_current_tenant()');
    }
  });

  it('the tenants table has row-level security enabled and forced', async () => {
    const [row] = await ownerQuery<{ enabled: boolean; forced: boolean }>(
      `select relrowsecurity as enabled, relforcerowsecurity as forced from pg_class where oid = 'public.tenants'::regclass`,
    );
    expect(row).toEqual({ enabled: true, forced: true });
  });

  it(`role ${APP_ROLE} exists, is no superuser, cannot bypass RLS and owns nothing in public`, async () => {
    const [role] = await ownerQuery<{ rolsuper: boolean; rolbypassrls: boolean; rolcreaterole: boolean }>(
      `select rolsuper, rolbypassrls, rolcreaterole from pg_roles where rolname = $1`,
      [APP_ROLE],
    );
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false, rolcreaterole: false });
    const owned = await ownerQuery<{ relname: string }>(
      `select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and pg_get_userbyid(c.relowner) = $1`,
      [APP_ROLE],
    );
    expect(owned).toEqual([]);
  });

  it('app transactions really run as the app role (also on the embedded database)', async () => {
    const who = await runWithoutTenant((tx) => tx.execute<{ u: string }>(sql`select current_user as u`));
    expect(who.rows[0]!.u).toBe(APP_ROLE);
    const inTenant = await runInTenant(a.id, (scope) => scope.db.execute<{ u: string }>(sql`select current_user as u`));
    expect(inTenant.rows[0]!.u).toBe(APP_ROLE);
  });
});

describe('with data behind the wall', () => {
  it('both workspaces have rows in every tenant table (seen from the owner connection)', async () => {
    for (const table of tenantTables) {
      const rows = await ownerQuery<{ tenant_id: string; n: number }>(
        `select tenant_id, count(*)::int as n from ${owner.escapeIdentifier(table)} where tenant_id = any($1) group by tenant_id`,
        [[a.id, b.id]],
      );
      const counts = Object.fromEntries(rows.map((r) => [r.tenant_id, r.n]));
      expect(
        counts[a.id] ?? 0,
        `seed rows for "${table}" in seedWorkspace() so its wall is tested with data behind it`,
      ).toBeGreaterThan(0);
      expect(counts[b.id] ?? 0, `seed rows for "${table}" in seedWorkspace()`).toBeGreaterThan(0);
    }
  });

  it('the app role with no tenant set sees no row of any tenant table, nor any workspace', async () => {
    const counts = await runWithoutTenant(async (tx) => {
      const result: Record<string, number> = {};
      for (const table of [...tenantTables, 'tenants']) result[table] = await countAs(tx, table);
      return result;
    });
    expect(counts).toEqual(Object.fromEntries([...tenantTables, 'tenants'].map((t) => [t, 0])));
  });

  it("with workspace A set, no row of workspace B is visible in any tenant table, while A's are", async () => {
    const seen = await runInTenant(a.id, async (scope) => {
      const result: Record<string, { mine: number; theirs: number }> = {};
      for (const table of tenantTables) {
        result[table] = {
          mine: await countAs(scope.db, table, sql`where tenant_id = ${a.id}`),
          theirs: await countAs(scope.db, table, sql`where tenant_id = ${b.id}`),
        };
      }
      const tenantsVisible = await scope.db.execute<{ id: string }>(sql`select id from tenants`);
      return { result, tenantIds: tenantsVisible.rows.map((r) => r.id) };
    });
    for (const table of tenantTables) {
      expect({ table, theirs: seen.result[table]!.theirs }).toEqual({ table, theirs: 0 });
      expect(seen.result[table]!.mine, table).toBeGreaterThan(0);
    }
    expect(seen.tenantIds).toEqual([a.id]);
  });

  it("with workspace A set, writing a row for B is refused and B's rows cannot be changed", async () => {
    // Drizzle wraps the driver error; the cause is Postgres' RLS refusal (42501).
    await expect(
      runInTenant(a.id, (scope) => scope.db.insert(teams).values({ tenantId: b.id, name: 'Smuggled' })),
    ).rejects.toMatchObject({
      cause: expect.objectContaining({ code: '42501', message: expect.stringContaining('row-level security') }),
    });
    const changed = await runInTenant(a.id, (scope) =>
      scope.db.execute(sql`update teams set name = 'Renamed by A' where tenant_id = ${b.id}`),
    );
    expect(changed.rowCount).toBe(0);
    const deleted = await runInTenant(a.id, (scope) =>
      scope.db.execute(sql`delete from customers where tenant_id = ${b.id}`),
    );
    expect(deleted.rowCount).toBe(0);
    const [left] = await ownerQuery<{ n: number }>(`select count(*)::int as n from customers where tenant_id = $1`, [
      b.id,
    ]);
    expect(left!.n).toBeGreaterThan(0);
  });

  it('a person sees their own memberships across workspaces before choosing one, and no one else’s', async () => {
    const dual = await addMember(b.id, 'agent', { userId: a.owner.userId });
    const rows = await runWithoutTenant(
      (tx) => tx.execute<{ tenant_id: string; user_id: string }>(sql`select tenant_id, user_id from memberships`),
      a.owner.userId,
    );
    expect(rows.rows.map((r) => r.user_id)).toEqual([a.owner.userId, a.owner.userId]);
    expect(rows.rows.map((r) => r.tenant_id).sort()).toEqual([a.id, b.id].sort());
    expect(dual.role).toBe('agent');
  });
});

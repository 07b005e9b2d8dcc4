import { asc, eq, inArray, max } from 'drizzle-orm';
import type { EscalationInput } from '@/lib/validators/sla';
import {
  businessCalendars,
  memberships,
  organizations,
  slaEscalations,
  slaPolicies,
  teams,
  ticketCategories,
  type SlaConditions,
  type SlaPolicyTargets,
} from '@/server/db/schema';
import { withUniqueViolationAs } from '@/server/db/errors';
import { assertAllExist, assertExists, deleteExisting } from '@/server/db/exists-in-workspace';
import type { TenantScope } from '@/server/db/tenant';
import { writeOrder } from '@/server/db/write-order';
import { AppError, notFound } from '@/server/errors';
import { requestWorkspaceRecompute } from './recompute-workspace-sla';

export async function listPolicies(scope: TenantScope) {
  const policies = await scope.db
    .select()
    .from(slaPolicies)
    .orderBy(asc(slaPolicies.position), asc(slaPolicies.createdAt));
  const levels = await scope.db.select().from(slaEscalations).orderBy(asc(slaEscalations.level));
  return policies.map((p) => ({ ...p, escalations: levels.filter((l) => l.policyId === p.id) }));
}

/** Every id a policy names must be this workspace's: another workspace's id reads as not found. */
async function assertReferences(
  scope: TenantScope,
  input: { calendarId: string | null; conditions: SlaConditions; escalations: EscalationInput[] },
) {
  if (input.calendarId) await assertExists(scope, businessCalendars.id, input.calendarId, 'The calendar');
  const { categoryIds = [], organizationIds = [] } = input.conditions;
  await assertAllExist(scope, ticketCategories.id, categoryIds, 'A category in the conditions');
  await assertAllExist(scope, organizations.id, organizationIds, 'An organization in the conditions');
  await assertAllExist(
    scope,
    memberships.userId,
    input.escalations.flatMap((e) => [...e.notifyUserIds, ...(e.assignToUserId ? [e.assignToUserId] : [])]),
    'An agent named in an escalation',
    inArray(memberships.role, ['owner', 'admin', 'agent']),
  );
  const teamIds = input.escalations.flatMap((e) => (e.assignToTeamId ? [e.assignToTeamId] : []));
  await assertAllExist(scope, teams.id, teamIds, 'A team named in an escalation');
}

/** Drops empty condition lists so "any" is stored one way. */
function normalizeConditions(conditions: SlaConditions): SlaConditions {
  return Object.fromEntries(
    Object.entries(conditions).filter(([, v]) => Array.isArray(v) && v.length),
  ) as SlaConditions;
}

export async function saveSlaPolicy(
  scope: TenantScope,
  input: {
    policyId?: string;
    name: string;
    description: string;
    enabled: boolean;
    calendarId: string | null;
    conditions: SlaConditions;
    targets: SlaPolicyTargets;
    warnAtPercent: number;
    escalations: EscalationInput[];
  },
) {
  await assertReferences(scope, input);
  const values = {
    name: input.name,
    description: input.description,
    enabled: input.enabled,
    calendarId: input.calendarId,
    conditions: normalizeConditions(input.conditions),
    targets: input.targets,
    warnAtPercent: input.warnAtPercent,
    updatedAt: new Date(),
  };
  const nameTaken = () =>
    new AppError('CONFLICT', `A policy called "${input.name}" already exists. Choose another name.`, { field: 'name' });
  const policyId = await withUniqueViolationAs(nameTaken, async () => {
    if (input.policyId) {
      const [row] = await scope.db
        .update(slaPolicies)
        .set(values)
        .where(eq(slaPolicies.id, input.policyId))
        .returning({ id: slaPolicies.id });
      if (!row) throw notFound('The SLA policy');
      return input.policyId;
    }
    const [last] = await scope.db.select({ position: max(slaPolicies.position) }).from(slaPolicies);
    const [row] = await scope.db
      .insert(slaPolicies)
      .values({ tenantId: scope.tenantId, ...values, position: (last?.position ?? -1) + 1 })
      .returning({ id: slaPolicies.id });
    return row!.id;
  });
  // Levels are replaced as a whole: their order is their level, as the form shows them.
  await scope.db.delete(slaEscalations).where(eq(slaEscalations.policyId, policyId));
  if (input.escalations.length) {
    await scope.db.insert(slaEscalations).values(
      input.escalations.map((e, index) => ({
        tenantId: scope.tenantId,
        policyId,
        level: index + 1,
        trigger: e.trigger,
        metric: e.metric,
        afterMinutes: e.afterMinutes,
        actions: {
          notifyUserIds: e.notifyUserIds,
          setPriority: e.setPriority,
          assignToUserId: e.assignToUserId,
          assignToTeamId: e.assignToTeamId,
        },
      })),
    );
  }
  requestWorkspaceRecompute(scope);
  const saved = (await listPolicies(scope)).find((p) => p.id === policyId);
  return saved!;
}

export async function deleteSlaPolicy(scope: TenantScope, input: { policyId: string }) {
  await deleteExisting(scope, slaPolicies.id, input.policyId, 'The SLA policy');
  requestWorkspaceRecompute(scope);
  return { deleted: true as const, policyId: input.policyId };
}

/** The full order, first match first: a partial list would leave the others' places ambiguous. */
export async function reorderSlaPolicies(scope: TenantScope, input: { policyIds: string[] }) {
  await writeOrder(scope, slaPolicies, input.policyIds, { one: 'An SLA policy', every: 'policy' });
  requestWorkspaceRecompute(scope);
  return listPolicies(scope);
}

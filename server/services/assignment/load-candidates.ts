import { sql } from 'drizzle-orm';
import type { AssignmentCandidate } from '@/lib/assignment/pick-agent';
import type { WorkingHours } from '@/lib/assignment/working-hours';
import { DEFAULT_AGENT_CAPACITY, PRIORITY_LOAD_WEIGHTS } from '@/lib/constants/assignment';
import { AGENT_ROLES } from '@/lib/constants/workspace';
import type { TenantScope } from '@/server/db/tenant';

const weightCase = sql.raw(
  `case t.priority ${Object.entries(PRIORITY_LOAD_WEIGHTS)
    .map(([priority, weight]) => `when '${priority}' then ${weight}`)
    .join(' ')} end`,
);

/**
 * The team's agents (and, for "previous interactions", one more person) with their availability, capacity,
 * skills and current open work, in one statement. Only staff who work tickets (not viewers) count; someone
 * without a profile row is available with the default capacity.
 */
export async function loadCandidates(
  scope: TenantScope,
  input: { teamId: string; extraUserId?: string | null },
): Promise<Array<AssignmentCandidate & { inTeam: boolean }>> {
  const roles = sql.join(
    AGENT_ROLES.map((r) => sql`${r}`),
    sql`, `,
  );
  const { rows } = await scope.db.execute<{
    user_id: string;
    in_team: boolean;
    availability: 'available' | 'away' | null;
    working_hours: WorkingHours | null;
    capacity: number | null;
    skills: string[] | null;
    languages: string[] | null;
    open_count: string | number;
    load: string | number;
  }>(sql`
    select m.user_id, m.user_id in (select user_id from team_members where team_id = ${input.teamId}) as in_team,
      p.availability, p.working_hours, p.capacity, p.skills, p.languages,
      (select count(*) from tickets t
        where t.assignee_id = m.user_id and t.status in ('new','open','pending','on_hold')) as open_count,
      (select coalesce(sum(${weightCase}), 0) from tickets t
        where t.assignee_id = m.user_id and t.status in ('new','open','pending','on_hold')) as load
    from memberships m
    left join agent_profiles p on p.user_id = m.user_id
    where m.role in (${roles})
      and (m.user_id in (select user_id from team_members where team_id = ${input.teamId})
        or m.user_id = ${input.extraUserId ?? null}::uuid)`);
  return rows.map((r) => ({
    userId: r.user_id,
    inTeam: r.in_team,
    availability: r.availability ?? 'available',
    workingHours: r.working_hours,
    capacity: r.capacity ?? DEFAULT_AGENT_CAPACITY,
    openCount: Number(r.open_count),
    load: Number(r.load),
    skills: r.skills ?? [],
    languages: r.languages ?? [],
  }));
}

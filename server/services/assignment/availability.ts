import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { setAvailabilityInput } from '@/lib/validators/assignment';
import { agentProfiles } from '@/server/db/schema';
import type { StaffScope } from '@/server/services/types';
import { upsertAgentProfile } from './team-assignment';

/** The signed-in agent's own status (available/away) and working hours; no row yet means available. */
export async function getMyAvailability(scope: StaffScope) {
  const [profile] = await scope.db
    .select({ availability: agentProfiles.availability, workingHours: agentProfiles.workingHours })
    .from(agentProfiles)
    .where(eq(agentProfiles.userId, scope.actor.userId));
  return { availability: profile?.availability ?? 'available', workingHours: profile?.workingHours ?? null };
}

/** Only the agent sets their own status: assignment then skips them while away or outside their hours. */
export async function setMyAvailability(scope: StaffScope, input: z.output<typeof setAvailabilityInput>) {
  const profile = await upsertAgentProfile(scope, scope.actor.userId, input);
  return { availability: profile.availability, workingHours: profile.workingHours };
}

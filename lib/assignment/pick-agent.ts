import type { AssignmentPolicy } from '@/lib/constants/assignment';
import { isWithinWorkingHours, type WorkingHours } from './working-hours';

/** An agent as the policies see them at the moment of assigning. */
export type AssignmentCandidate = {
  userId: string;
  availability: 'available' | 'away';
  workingHours: WorkingHours | null;
  capacity: number;
  /** Open tickets assigned to them (new, open, pending, on hold). */
  openCount: number;
  /** The same tickets weighted by priority (PRIORITY_LOAD_WEIGHTS). */
  load: number;
  skills: string[];
  languages: string[];
};

/** What a ticket asks of its agent, for the skills policy: its tags and category name, and its language. */
export type TicketNeeds = { skills: string[]; language: string | null };

/** Available now (status and working hours) and below capacity: the only agents any policy may pick. */
export function canTakeTicket(candidate: AssignmentCandidate, now: Date) {
  return (
    candidate.availability === 'available' &&
    candidate.openCount < candidate.capacity &&
    (!candidate.workingHours || isWithinWorkingHours(candidate.workingHours, now))
  );
}

const byUserId = (a: AssignmentCandidate, b: AssignmentCandidate) => (a.userId < b.userId ? -1 : 1);
const lightestFirst = (a: AssignmentCandidate, b: AssignmentCandidate) =>
  a.load - b.load || a.openCount - b.openCount || byUserId(a, b);

function skillMatches(candidate: AssignmentCandidate, needs: TicketNeeds) {
  const covered = new Set(candidate.skills);
  return needs.skills.filter((s) => covered.has(s)).length;
}

/**
 * The agent a policy picks among the team's agents, or null when nobody can take the ticket.
 * Round robin: the next eligible agent after the last one picked, in a fixed order (user id), wrapping.
 * Least loaded: the lightest weighted load. Skills: agents speaking the ticket's language (when it has one)
 * and covering the most of its tags/category (when it has any: covering none rules an agent out), then the
 * lightest. Deterministic: ties go to the lower user id.
 */
export function pickAgent(
  policy: AssignmentPolicy,
  team: readonly AssignmentCandidate[],
  context: { now: Date; lastAssignedUserId: string | null; needs: TicketNeeds },
): string | null {
  const eligible = team.filter((c) => canTakeTicket(c, context.now));
  if (!eligible.length || policy === 'manual') return null;
  if (policy === 'round_robin') {
    const ordered = [...eligible].sort(byUserId);
    const last = context.lastAssignedUserId;
    return (ordered.find((c) => last !== null && c.userId > last) ?? ordered[0]!).userId;
  }
  if (policy === 'least_loaded') return [...eligible].sort(lightestFirst)[0]!.userId;
  const { needs } = context;
  const speaking = needs.language ? eligible.filter((c) => c.languages.includes(needs.language!)) : eligible;
  if (!needs.skills.length) return [...speaking].sort(lightestFirst)[0]?.userId ?? null;
  const ranked = speaking
    .map((c) => ({ c, matches: skillMatches(c, needs) }))
    .filter((r) => r.matches > 0)
    .sort((a, b) => b.matches - a.matches || lightestFirst(a.c, b.c));
  return ranked[0]?.c.userId ?? null;
}

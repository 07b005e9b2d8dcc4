import { z } from 'zod';
import { AGENT_AVAILABILITY, ASSIGNMENT_POLICIES } from '@/lib/constants/assignment';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'Use a time like 09:00 or 17:30.' });

const timeZone = z.string().refine(
  (zone) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'Use a time zone like Europe/Berlin or America/New_York.' },
);

export const workingHoursInput = z
  .strictObject({
    timeZone,
    days: z
      .array(z.number().int().min(0).max(6))
      .min(1, { message: 'Pick at least one working day.' })
      .max(7)
      .transform((days) => [...new Set(days)].sort()),
    start: hhmm,
    end: hhmm,
  })
  .refine((h) => h.start !== h.end, { message: 'Working hours need a start and an end that differ.', path: ['end'] });

/** Lower-cased, trimmed, de-duplicated words: what tickets' tags and category names are compared with. */
const wordList = (max: number, what: string) =>
  z
    .array(
      z
        .string()
        .trim()
        .toLowerCase()
        .min(1)
        .max(60, { message: `Keep each ${what} under 60 characters.` }),
    )
    .max(max, { message: `List at most ${max} ${what}s.` })
    .transform((words) => [...new Set(words)]);

export const teamIdOnlyInput = z.strictObject({ teamId: z.uuid() });

export const updateTeamAssignmentInput = z.strictObject({
  teamId: z.uuid(),
  policy: z.enum(ASSIGNMENT_POLICIES),
  /** Left out: the lead stays as it is (the team card sets it; this form sets the policy). */
  leadUserId: z.uuid().nullable().optional(),
  preferPreviousAgent: z.boolean(),
});

export const updateAgentProfileInput = z.strictObject({
  userId: z.uuid(),
  capacity: z
    .number()
    .int()
    .min(1, { message: 'An agent takes at least 1 ticket; mark them away to give them none.' })
    .max(500),
  skills: wordList(50, 'skill'),
  languages: wordList(20, 'language'),
});

export const setAvailabilityInput = z.strictObject({
  availability: z.enum(AGENT_AVAILABILITY),
  workingHours: workingHoursInput.nullable(),
});

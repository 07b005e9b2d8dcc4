import { z } from 'zod';
import {
  CSAT_ANSWER_VALUES,
  CSAT_COMMENT_MAX,
  CSAT_LINK_DAYS,
  CSAT_QUESTIONS,
  CSAT_SCALES,
} from '@/lib/constants/csat';
import { WORKSPACE_SLUG_PATTERN } from '@/lib/constants/portal';

export const updateCsatSettingsInput = z.strictObject({
  enabled: z.boolean(),
  scale: z.enum(CSAT_SCALES),
  questions: z
    .array(z.enum(CSAT_QUESTIONS))
    .refine((list) => new Set(list).size === list.length, 'Each follow-up question can be chosen once.'),
  linkDays: z
    .number()
    .int('Enter a whole number of days.')
    .min(CSAT_LINK_DAYS.min, `Links must last at least ${CSAT_LINK_DAYS.min} day.`)
    .max(CSAT_LINK_DAYS.max, `Links can last at most ${CSAT_LINK_DAYS.max} days.`),
});
export type UpdateCsatSettingsInput = z.infer<typeof updateCsatSettingsInput>;

/** What a customer sends with a rating: the rating (normalised 1..5), a comment, follow-up answers. */
export const csatResponseInput = z.strictObject({
  rating: z.number().int().min(1, 'Choose a rating.').max(5, 'Choose a rating.'),
  comment: z
    .string()
    .trim()
    .max(CSAT_COMMENT_MAX, `Keep the comment under ${CSAT_COMMENT_MAX.toLocaleString('en')} characters.`)
    .optional(),
  answers: z
    .partialRecord(
      z.enum(CSAT_QUESTIONS),
      z
        .number()
        .int()
        .min(CSAT_ANSWER_VALUES[0], 'Answer on the 1–5 scale.')
        .max(CSAT_ANSWER_VALUES[CSAT_ANSWER_VALUES.length - 1]!, 'Answer on the 1–5 scale.'),
    )
    .optional(),
});
export type CsatResponseInput = z.infer<typeof csatResponseInput>;

/** A rating link as the survey page holds it: the workspace in the address and the signed token. */
export const csatLinkInput = z.strictObject({
  workspace: z.string().regex(WORKSPACE_SLUG_PATTERN, 'This is not a workspace address.'),
  token: z.string().min(1, 'The link is missing its token.').max(2000, 'This link is damaged.'),
});
export const submitCsatByLinkInput = csatLinkInput.extend({ response: csatResponseInput });

export const csatTicketInput = z.strictObject({ ticketId: z.uuid() });
export const portalRateInput = csatTicketInput.extend({ response: csatResponseInput });

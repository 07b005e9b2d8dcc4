import { z } from 'zod';
import { CSAT_CHANNELS, CSAT_QUESTIONS, CSAT_SCALES } from '@/lib/constants/csat';
import { csatLinkInput, csatTicketInput, submitCsatByLinkInput, updateCsatSettingsInput } from '@/lib/validators/csat';
import { adminProcedure, publicProcedure, router, tenantProcedure } from '@/server/trpc/init';
import { rateByLink, viewSurveyByLink } from '@/server/services/csat/link-survey';
import { getCsatSettings, updateCsatSettings } from '@/server/services/csat/settings';
import { getTicketCsat } from '@/server/services/csat/ticket-ratings';

// The survey a customer reaches from the solved mail, without signing in: every output is declared, so
// nothing of the desk's (assignee, team, internal ids) can leak through it.
const answers = z.partialRecord(z.enum(CSAT_QUESTIONS), z.number());
export const customerSurveyOutput = z.object({
  ticket: z.object({ displayNumber: z.string(), subject: z.string() }),
  scale: z.enum(CSAT_SCALES),
  questions: z.array(z.enum(CSAT_QUESTIONS)),
  rating: z.number().nullable(),
  comment: z.string(),
  answers,
});
const linkSurveyOutput = z.discriminatedUnion('state', [
  z.object({ state: z.enum(['invalid', 'expired', 'superseded']) }),
  z.object({ state: z.literal('open'), survey: customerSurveyOutput, recorded: z.boolean() }),
]);
const settingsOutput = z.object({
  enabled: z.boolean(),
  scale: z.enum(CSAT_SCALES),
  questions: z.array(z.enum(CSAT_QUESTIONS)),
  linkDays: z.number(),
});

export const csatRouter = router({
  /** The survey page's read: changes nothing, so a mail scanner fetching the link records nothing. */
  linkSurvey: publicProcedure
    .input(csatLinkInput)
    .output(linkSurveyOutput)
    .query(({ ctx, input }) => viewSurveyByLink(input.workspace, input.token, ctx.ip)),
  /** The one-click rating the link carries, posted by the survey page once it has loaded in a browser. */
  rateByLink: publicProcedure
    .input(csatLinkInput)
    .output(linkSurveyOutput)
    .mutation(({ ctx, input }) => rateByLink({ slug: input.workspace, token: input.token, ip: ctx.ip })),
  /** The customer's change on the survey page: another rating, a comment, follow-up answers. */
  submitByLink: publicProcedure
    .input(submitCsatByLinkInput)
    .output(linkSurveyOutput)
    .mutation(({ ctx, input }) =>
      rateByLink({ slug: input.workspace, token: input.token, ip: ctx.ip }, input.response),
    ),
  /** The ratings of one ticket, each round with its history, for the agent's ticket page. */
  forTicket: tenantProcedure
    .input(csatTicketInput)
    .output(
      z.array(
        z.object({
          id: z.uuid(),
          solvedAt: z.date(),
          scale: z.enum(CSAT_SCALES),
          questions: z.array(z.enum(CSAT_QUESTIONS)),
          rating: z.number().nullable(),
          comment: z.string(),
          answers,
          ratedAt: z.date().nullable(),
          expiresAt: z.date(),
          history: z.array(
            z.object({
              rating: z.number(),
              previousRating: z.number().nullable(),
              channel: z.enum(CSAT_CHANNELS),
              at: z.date(),
            }),
          ),
        }),
      ),
    )
    .query(({ ctx, input }) => getTicketCsat(ctx.scope, input.ticketId)),
});

export const csatSettingsRouter = router({
  get: adminProcedure.output(settingsOutput).query(({ ctx }) => getCsatSettings(ctx.scope)),
  update: adminProcedure
    .input(updateCsatSettingsInput)
    .output(settingsOutput)
    .mutation(({ ctx, input }) => updateCsatSettings(ctx.scope, input)),
});

import { z } from 'zod';
import { MESSAGE_AUTHOR_TYPES, TICKET_STATUSES } from '@/lib/constants/ticket';
import {
  portalCreateTicketInput,
  portalListTicketsInput,
  portalReplyInput,
  portalTicketIdInput,
} from '@/lib/validators/ticket';
import { csatTicketInput, portalRateInput } from '@/lib/validators/csat';
import { portalProcedure, router } from '@/server/trpc/init';
import { getPortalSurvey, rateInPortal } from '@/server/services/csat/portal-survey';
import { customerSurveyOutput } from './csat';
import { listActiveCategories } from '@/server/services/ticket/categories';
import {
  closeAsCustomer,
  createTicketAsCustomer,
  getCustomerTicket,
  listCustomerTickets,
  replyAsCustomer,
} from '@/server/services/ticket/portal-tickets';

// Customer-facing procedures declare their output: zod strips anything not listed, so agent-only fields
// (internal notes, assignees, tags, custom fields) can never leak even if a service returned them.
const portalCustomer = z.object({ id: z.uuid(), email: z.string(), name: z.string() });
const attachment = z.object({
  id: z.uuid(),
  filename: z.string(),
  contentType: z.string(),
  sizeBytes: z.number(),
  contentId: z.string().nullable(),
});
const portalTicketSummary = z.object({
  id: z.uuid(),
  displayNumber: z.string(),
  subject: z.string(),
  status: z.enum(TICKET_STATUSES),
  createdAt: z.date(),
  updatedAt: z.date(),
});
const portalMessage = z.object({
  id: z.uuid(),
  authorType: z.enum(MESSAGE_AUTHOR_TYPES).exclude(['system']),
  authorName: z.string(),
  body: z.string(),
  createdAt: z.date(),
  attachments: z.array(attachment),
});

export const portalRouter = router({
  me: portalProcedure
    .output(portalCustomer)
    .query(({ ctx }) => ({ id: ctx.customer.id, email: ctx.customer.email, name: ctx.customer.name })),
  categories: portalProcedure
    .output(
      z.array(
        z.object({ id: z.uuid(), name: z.string(), description: z.string(), color: z.string(), icon: z.string() }),
      ),
    )
    .query(({ ctx }) => listActiveCategories(ctx.scope)),
  createTicket: portalProcedure
    .input(portalCreateTicketInput)
    .output(z.object({ id: z.uuid(), displayNumber: z.string(), expectedFirstResponse: z.string() }))
    .mutation(({ ctx, input }) => createTicketAsCustomer(ctx.scope, ctx.customer, input)),
  tickets: portalProcedure
    .input(portalListTicketsInput)
    .output(z.object({ items: z.array(portalTicketSummary), nextCursor: z.uuid().nullable() }))
    .query(({ ctx, input }) => listCustomerTickets(ctx.scope, ctx.customer, input)),
  ticket: portalProcedure
    .input(portalTicketIdInput)
    .output(
      z.object({
        ticket: portalTicketSummary.extend({ category: z.string().nullable() }),
        messages: z.array(portalMessage),
      }),
    )
    .query(({ ctx, input }) => getCustomerTicket(ctx.scope, ctx.customer, input.ticketId)),
  reply: portalProcedure
    .input(portalReplyInput)
    .output(z.object({ messageId: z.uuid() }))
    .mutation(({ ctx, input }) => replyAsCustomer(ctx.scope, ctx.customer, input)),
  close: portalProcedure
    .input(portalTicketIdInput)
    .output(z.object({ status: z.literal('closed') }))
    .mutation(({ ctx, input }) => closeAsCustomer(ctx.scope, ctx.customer, input)),
  /** The satisfaction survey of a solved request; null while it is open or when surveys are off. */
  survey: portalProcedure
    .input(csatTicketInput)
    .output(customerSurveyOutput.nullable())
    .query(({ ctx, input }) => getPortalSurvey(ctx.scope, ctx.customer, input.ticketId)),
  rate: portalProcedure
    .input(portalRateInput)
    .output(customerSurveyOutput)
    .mutation(({ ctx, input }) => rateInPortal(ctx.scope, ctx.customer, input)),
});

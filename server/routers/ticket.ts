import {
  assignTicketInput,
  bulkUpdateInput,
  createTicketInput,
  listTicketsInput,
  mergeTicketsInput,
  replyInput,
  searchTicketsInput,
  ticketIdInput,
  ticketNumberInput,
  updateStatusInput,
  updateTicketInput,
} from '@/lib/validators/ticket';
import { agentProcedure, router, tenantProcedure } from '@/server/trpc/init';
import {
  assignTicket,
  createTicketAsAgent,
  listAssignees,
  replyAsAgent,
  updateTicket,
  updateTicketStatus,
} from '@/server/services/ticket/agent-actions';
import { bulkUpdateTickets } from '@/server/services/ticket/bulk-update';
import { getTicketDetail } from '@/server/services/ticket/get-ticket';
import { countViews, listTickets } from '@/server/services/ticket/list-tickets';
import { findTicketByNumber } from '@/server/services/ticket/find-by-number';
import { mergeTickets } from '@/server/services/ticket/merge-tickets';
import { searchTickets } from '@/server/services/ticket/search-tickets';

export const ticketRouter = router({
  list: tenantProcedure.input(listTicketsInput).query(({ ctx, input }) => listTickets(ctx.scope, ctx.userId, input)),
  viewCounts: tenantProcedure.query(({ ctx }) => countViews(ctx.scope, ctx.userId)),
  get: tenantProcedure.input(ticketIdInput).query(({ ctx, input }) => getTicketDetail(ctx.scope, input.ticketId)),
  getByNumber: tenantProcedure
    .input(ticketNumberInput)
    .query(({ ctx, input }) => findTicketByNumber(ctx.scope, input.number)),
  search: tenantProcedure.input(searchTicketsInput).query(({ ctx, input }) => searchTickets(ctx.scope, input)),
  assignees: tenantProcedure.query(({ ctx }) => listAssignees(ctx.scope)),
  create: agentProcedure.input(createTicketInput).mutation(({ ctx, input }) => createTicketAsAgent(ctx.scope, input)),
  reply: agentProcedure.input(replyInput).mutation(({ ctx, input }) => replyAsAgent(ctx.scope, input)),
  updateStatus: agentProcedure
    .input(updateStatusInput)
    .mutation(({ ctx, input }) => updateTicketStatus(ctx.scope, input)),
  assign: agentProcedure.input(assignTicketInput).mutation(({ ctx, input }) => assignTicket(ctx.scope, input)),
  update: agentProcedure.input(updateTicketInput).mutation(({ ctx, input }) => updateTicket(ctx.scope, input)),
  merge: agentProcedure.input(mergeTicketsInput).mutation(({ ctx, input }) => mergeTickets(ctx.scope, input)),
  bulkUpdate: agentProcedure.input(bulkUpdateInput).mutation(({ ctx, input }) => bulkUpdateTickets(ctx.scope, input)),
});

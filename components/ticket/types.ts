import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/routers/_app';

// The shapes the agent UI renders, read from the router so a server change shows up as a type error here.
type Outputs = inferRouterOutputs<AppRouter>;
type Inputs = inferRouterInputs<AppRouter>;

export type TicketRow = Outputs['ticket']['list']['items'][number];
export type TicketDetail = Outputs['ticket']['get'];
export type TicketInfo = TicketDetail['ticket'];
export type ThreadMessage = TicketDetail['messages'][number];
export type TicketActivity = TicketDetail['activities'][number];
export type DuplicateSuggestion = TicketDetail['duplicates'][number];
export type RequesterTicket = TicketDetail['requesterTickets'][number];
export type TicketSla = TicketDetail['sla'];
export type MailContacts = TicketDetail['mailContacts'];
export type SlaTarget = TicketSla['targets'][number];
export type Assignee = Outputs['ticket']['assignees'][number];
export type Team = Outputs['team']['list'][number];
export type SearchHit = Outputs['ticket']['search']['items'][number];
export type BulkAction = Inputs['ticket']['bulkUpdate']['action'];
export type BulkResult = Outputs['ticket']['bulkUpdate']['results'][number];
export type ReplyPayload = Inputs['ticket']['reply'];
export type SavedView = Outputs['savedView']['list'][number];
export type Macro = Outputs['macro']['list'][number];
export type Category = Outputs['category']['list'][number];
export type SaveViewPayload = Inputs['savedView']['create'];

// Workspace configuration, as the admin screens and the macro picker show it.
export type CategoryRow = Outputs['category']['list'][number];
export type TicketTypeRow = Outputs['ticketType']['list'][number];
/** What the ticket page offers to pick from: the workspace's agents, teams, categories and ticket types. */
export type TicketChoices = { assignees: Assignee[]; teams: Team[]; categories: Category[]; types: TicketTypeRow[] };
export type MacroRow = Outputs['macro']['list'][number];
export type FieldRow = Outputs['ticketField']['list'][number];
export type SaveMacroValues = Inputs['macro']['save'];

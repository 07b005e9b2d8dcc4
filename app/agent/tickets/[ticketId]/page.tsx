import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { isUuid } from '@/components/ticket/active-list';
import { TicketWorkspace } from '@/components/ticket/ticket-workspace';
import { getQueryClient, HydrateClient, serverCaller, trpc } from '@/server/trpc/rsc';
import { currentUserId } from '../../_lib/current-user-id';

type Params = { params: Promise<{ ticketId: string }> };

const isNotFound = (error: unknown) =>
  ['NOT_FOUND', 'BAD_REQUEST'].includes((error as { code?: string } | null)?.code ?? '');

/** The ticket, loaded once per request (React cache behind getQueryClient) for both metadata and page. */
function loadTicket(ticketId: string) {
  return getQueryClient().fetchQuery(trpc.ticket.get.queryOptions({ ticketId }));
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { ticketId } = await params;
  if (!isUuid(ticketId)) return { title: 'Ticket' };
  const detail = await loadTicket(ticketId).catch(() => null);
  return { title: detail ? `${detail.ticket.displayNumber} ${detail.ticket.subject}` : 'Ticket' };
}

export default async function TicketPage({ params }: Params) {
  const { ticketId } = await params;
  await currentUserId();
  // A bare number (/agent/tickets/42) is a shortcut to that ticket.
  if (/^\d{1,12}$/.test(ticketId)) {
    const caller = await serverCaller();
    const found = await caller.ticket.getByNumber({ number: Number(ticketId) }).catch((error: unknown) => {
      if (isNotFound(error)) return null;
      throw error;
    });
    if (!found) notFound();
    redirect(`/agent/tickets/${found.id}`);
  }
  if (!isUuid(ticketId)) notFound();
  // Only "no such ticket" is decided here; any other failure is left to the client, which shows it with
  // a retry (a failed query is not sent along, so the client asks again).
  const found = await loadTicket(ticketId).then(
    () => true,
    (error: unknown) => !isNotFound(error),
  );
  if (!found) notFound();
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.ticket.assignees.queryOptions()),
    queryClient.prefetchQuery(trpc.team.list.queryOptions()),
    queryClient.prefetchQuery(trpc.category.list.queryOptions()),
    queryClient.prefetchQuery(trpc.ticketType.list.queryOptions()),
    queryClient.prefetchQuery(trpc.macro.list.queryOptions()),
  ]);
  return (
    <HydrateClient>
      <TicketWorkspace ticketId={ticketId} />
    </HydrateClient>
  );
}

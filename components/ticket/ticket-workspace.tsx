'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useMemo, useRef, useState } from 'react';
import { TicketRatingPanel } from '@/components/csat/ticket-rating-panel';
import { SlaPanel } from '@/components/sla/sla-panel';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/card';
import { Skeleton, SkeletonList } from '@/components/ui/skeleton';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs';
import { describeError } from '@/lib/trpc/errors';
import { useTRPC } from '@/lib/trpc/client';
import { ActivityLog, type NameLookup } from './activity-log';
import { DuplicateSuggestions } from './duplicate-suggestions';
import { TriageSuggestion } from './triage-suggestion';
import { ReplyBox, type ReplyMode } from './reply-box';
import { ContextCard } from './context-card';
import { RequesterPanel } from './requester-panel';
import { TicketHeader } from './ticket-header';
import { ASSIGNEE_FIELD_ID, STATUS_FIELD_ID, TicketProperties } from './ticket-properties';
import { MailFailureNotice } from './mail-failure-notice';
import { TicketThread } from './ticket-thread';
import type { TicketChoices, TicketDetail } from './types';
import { useHotkeys } from './use-hotkeys';

function TicketScreen({ detail, choices }: { detail: TicketDetail; choices: TicketChoices }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { ticket } = detail;
  const ticketKey = trpc.ticket.get.queryKey({ ticketId: ticket.id });
  const replyRef = useRef<HTMLTextAreaElement>(null);
  const [tab, setTab] = useState('conversation');
  const [mode, setMode] = useState<ReplyMode>('reply');
  // The ticket version this agent has actually looked at. Live updates refresh the page underneath, but
  // only the agent's own actions (or "Mark as seen") move this, so the traffic cop still catches changes.
  const [seenUpdatedAt, setSeenUpdatedAt] = useState(ticket.updatedAt);
  const acknowledge = (at: Date | undefined) => at && setSeenUpdatedAt((prev) => (at > prev ? at : prev));
  const latestUpdatedAt = () => queryClient.getQueryData(ticketKey)?.ticket.updatedAt;

  async function refresh() {
    void queryClient.invalidateQueries({ queryKey: trpc.ticket.list.queryKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.ticket.viewCounts.queryKey() });
    await queryClient.invalidateQueries({ queryKey: ticketKey });
  }

  /** After the agent's own reply, or once they have reviewed the changes: what they now see is seen. */
  async function refreshAndAcknowledge() {
    await refresh();
    acknowledge(latestUpdatedAt());
  }

  /** After a change the agent made here: the version it produced is seen; the lists and the page refetch. */
  async function acknowledgeAndRefresh(updatedAt: Date) {
    acknowledge(updatedAt);
    await refresh();
  }

  function focusReply(next: ReplyMode) {
    setMode(next);
    setTab('conversation');
    // The tab panel may only now be mounting; focus once it is in the DOM.
    requestAnimationFrame(() => replyRef.current?.focus());
  }

  useHotkeys({
    r: (event) => {
      event.preventDefault();
      focusReply('reply');
    },
    n: (event) => {
      event.preventDefault();
      focusReply('note');
    },
    a: (event) => {
      event.preventDefault();
      document.getElementById(ASSIGNEE_FIELD_ID)?.focus();
    },
    s: (event) => {
      event.preventDefault();
      document.getElementById(STATUS_FIELD_ID)?.focus();
    },
  });

  const { assignees, teams, categories, types } = choices;
  const names: NameLookup = useMemo(
    () => ({
      users: new Map(assignees.map((a) => [a.id, a.name || a.email])),
      teams: new Map(teams.map((t) => [t.id, t.name])),
      categories: new Map(categories.map((c) => [c.id, c.name])),
      types: new Map(types.map((t) => [t.key, t.name])),
    }),
    [assignees, teams, categories, types],
  );

  return (
    // Phones read top to bottom: header, then the properties and SLA (status one tap away), the
    // conversation, and the requester last. The aside's `contents` lets its panels join that order;
    // desktop keeps it a column on the right beside both header and conversation.
    <div className="flex flex-col gap-6 lg:grid lg:grid-cols-[minmax(0,1fr)_20rem] lg:grid-rows-[auto_1fr]">
      <div className="order-1 min-w-0 space-y-4 lg:order-none lg:col-start-1 lg:row-start-1">
        <TicketHeader ticket={ticket} />
        {ticket.updatedAt > seenUpdatedAt ? (
          <div
            role="status"
            className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900"
          >
            <span>This ticket changed while you had it open. The conversation and activity below are up to date.</span>
            <Button variant="secondary" size="sm" onClick={() => acknowledge(ticket.updatedAt)}>
              Mark as seen
            </Button>
          </div>
        ) : null}
        <DuplicateSuggestions ticket={ticket} duplicates={detail.duplicates} />
        <TriageSuggestion ticketId={ticket.id} onChanged={refreshAndAcknowledge} />
      </div>
      <aside
        aria-label="Ticket details"
        className="contents lg:col-start-2 lg:row-span-2 lg:row-start-1 lg:block lg:space-y-4"
      >
        <div className="order-2 lg:order-none">
          <TicketProperties ticket={ticket} choices={choices} onChanged={acknowledgeAndRefresh} />
        </div>
        <div className="order-3 lg:order-none">
          <SlaPanel sla={detail.sla} names={names} />
        </div>
        <div className="order-3 lg:order-none">
          <TicketRatingPanel ticketId={ticket.id} />
        </div>
        <div className="order-5 lg:order-none">
          <RequesterPanel
            requester={ticket.requester}
            otherTickets={detail.requesterTickets}
            contacts={detail.mailContacts}
          />
        </div>
        <div className="order-6 lg:order-none">
          <ContextCard context={ticket.context} />
        </div>
      </aside>
      <div className="order-4 min-w-0 lg:order-none lg:col-start-1 lg:row-start-2">
        <Tabs value={tab} onValueChange={setTab}>
          <TabsList aria-label="Ticket sections">
            <TabsTrigger value="conversation">Conversation</TabsTrigger>
            <TabsTrigger value="activity">Activity ({detail.activities.length})</TabsTrigger>
          </TabsList>
          <TabsContent value="conversation" className="space-y-6">
            <TicketThread messages={detail.messages} />
            <MailFailureNotice failures={detail.mailFailures} />
            <ReplyBox
              ticket={ticket}
              mode={mode}
              onModeChange={setMode}
              textareaRef={replyRef}
              seenUpdatedAt={seenUpdatedAt}
              onCatchUp={refreshAndAcknowledge}
              onMacroApplied={acknowledgeAndRefresh}
            />
          </TabsContent>
          <TabsContent value="activity">
            <ActivityLog activities={detail.activities} names={names} />
          </TabsContent>
        </Tabs>
      </div>
    </div>
  );
}

/** The agent's ticket page: conversation and reply on the left, properties and requester on the right. */
export function TicketWorkspace({ ticketId }: { ticketId: string }) {
  const trpc = useTRPC();
  const detail = useQuery(trpc.ticket.get.queryOptions({ ticketId }));
  const assignees = useQuery(trpc.ticket.assignees.queryOptions());
  const teams = useQuery(trpc.team.list.queryOptions());
  const categories = useQuery(trpc.category.list.queryOptions());
  const types = useQuery(trpc.ticketType.list.queryOptions());

  if (detail.isPending) {
    return (
      <div className="space-y-4" aria-busy="true">
        <Skeleton className="h-8 w-2/3" />
        <SkeletonList rows={4} label="Loading ticket" />
      </div>
    );
  }
  if (detail.isError) {
    const { message } = describeError(detail.error);
    return (
      <div className="space-y-3">
        <Alert>{message}</Alert>
        <div className="flex gap-2">
          <Button variant="secondary" onClick={() => detail.refetch()}>
            Try again
          </Button>
          <Button asChild variant="ghost">
            <Link href="/agent">Back to the inbox</Link>
          </Button>
        </div>
      </div>
    );
  }
  const choices: TicketChoices = {
    assignees: assignees.data ?? [],
    teams: teams.data ?? [],
    categories: categories.data ?? [],
    types: types.data ?? [],
  };
  return <TicketScreen key={detail.data.ticket.id} detail={detail.data} choices={choices} />;
}

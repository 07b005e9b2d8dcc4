'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { MessageSquare } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { SendButton } from '@/components/ui/send-button';
import { ErrorAlert } from '@/components/ui/error-alert';
import { QueryView } from '@/components/ui/query-view';
import { Textarea } from '@/components/ui/textarea';
import { useTRPC } from '@/lib/trpc/client';
import type { WidgetIdentityMessage } from '@/lib/widget/loader/protocol';
import { BackButton } from './back-button';
import { WidgetSurvey } from './widget-survey';

type Visitor = { workspace: string; identity: WidgetIdentityMessage | null };

/** Re-reads the visitor's conversations whenever one of their tickets changes (an agent's reply, mostly). */
export function useLiveConversations(visitor: Visitor, enabled: boolean) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  useSubscription(
    trpc.widget.events.subscriptionOptions(visitor, {
      enabled,
      onData: () => {
        void queryClient.invalidateQueries({ queryKey: trpc.widget.conversations.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.widget.conversation.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.widget.survey.pathKey() });
      },
    }),
  );
}

export function WidgetConversationList({ visitor, onOpen }: { visitor: Visitor; onOpen: (ticketId: string) => void }) {
  const trpc = useTRPC();
  const list = useQuery(trpc.widget.conversations.queryOptions(visitor));
  return (
    <QueryView query={list} loading={{ rows: 2, label: 'Loading your conversations' }} retry>
      {(data) =>
        data.items.length ? (
          <ul className="divide-y rounded-md border" aria-label="Your conversations">
            {data.items.map((item) => (
              <li key={item.id}>
                <button
                  type="button"
                  className="flex w-full items-center gap-2 p-3 text-left hover:bg-gray-50"
                  onClick={() => onOpen(item.id)}
                >
                  <MessageSquare className="size-4 shrink-0 text-gray-500" aria-hidden />
                  <span className="min-w-0 flex-1">
                    <span className="block truncate text-sm font-medium">{item.subject}</span>
                    <span className="text-xs text-gray-600">
                      {item.displayNumber} · {item.status.replace('_', ' ')}
                    </span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-gray-600">No conversations yet.</p>
        )
      }
    </QueryView>
  );
}

export function WidgetConversation({
  visitor,
  ticketId,
  onBack,
}: {
  visitor: Visitor;
  ticketId: string;
  onBack: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const thread = useQuery(trpc.widget.conversation.queryOptions({ ...visitor, ticketId }));
  const [body, setBody] = useState('');
  const reply = useMutation(
    trpc.widget.reply.mutationOptions({
      onSuccess: async () => {
        setBody('');
        await queryClient.invalidateQueries({ queryKey: trpc.widget.conversation.pathKey() });
      },
    }),
  );
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    reply.mutate({ ...visitor, ticketId, body });
  }
  return (
    <div className="space-y-3">
      <BackButton label="Conversations" onClick={onBack} />
      <QueryView query={thread} loading={{ rows: 3, label: 'Loading the conversation' }} retry>
        {(data) => (
          <>
            <h2 className="font-semibold">
              {data.ticket.subject} <span className="text-sm text-gray-500">{data.ticket.displayNumber}</span>
            </h2>
            <ol className="space-y-2" aria-label="Messages">
              {data.messages.map((message) => (
                <li
                  key={message.id}
                  className={
                    message.authorType === 'customer'
                      ? 'ml-6 rounded-md bg-indigo-50 p-2 text-sm'
                      : 'mr-6 rounded-md bg-gray-100 p-2 text-sm'
                  }
                >
                  <span className="block text-xs font-medium text-gray-600">{message.authorName}</span>
                  <span className="whitespace-pre-wrap">{message.body}</span>
                </li>
              ))}
            </ol>
            {data.ticket.status === 'solved' || data.ticket.status === 'closed' ? (
              <WidgetSurvey visitor={visitor} ticketId={ticketId} />
            ) : null}
            <form onSubmit={onSubmit} className="space-y-2">
              <label htmlFor="widget-reply" className="sr-only">
                Reply
              </label>
              <Textarea id="widget-reply" rows={3} value={body} onChange={(e) => setBody(e.target.value)} />
              {reply.error ? <ErrorAlert error={reply.error} /> : null}
              <SendButton pending={reply.isPending} disabled={!body.trim()}>
                Reply
              </SendButton>
            </form>
          </>
        )}
      </QueryView>
    </div>
  );
}

import { AttachmentLinks } from '@/components/ui/attachment-links';
import { MessageBody } from '@/components/ui/message-body';
import { MailFailureNotice } from './mail-failure-notice';
import { RelativeTime } from './relative-time';
import type { ThreadMessage } from './types';

function SystemEvent({ message }: { message: ThreadMessage }) {
  return (
    <li data-kind="system" className="flex items-center justify-center gap-2 px-2 text-center text-xs text-slate-500">
      <span>{message.body}</span>
      <span aria-hidden="true">·</span>
      <RelativeTime date={message.createdAt} />
    </li>
  );
}

/**
 * One reply or note. Internal notes are unmistakable (yellow, labelled) because mistaking one for a
 * public reply is how internal remarks end up in front of customers.
 */
function MessageItem({ message }: { message: ThreadMessage }) {
  const isNote = message.kind === 'note';
  const fromCustomer = message.authorType === 'customer';
  const name = message.author?.name ?? 'Cairn';
  return (
    <li data-kind={isNote ? 'note' : 'reply'}>
      <article
        aria-label={`${isNote ? 'Internal note' : 'Message'} from ${name}`}
        className={
          isNote
            ? 'rounded-lg border border-amber-300 bg-amber-50 p-4'
            : fromCustomer
              ? 'rounded-lg border border-slate-200 bg-white p-4'
              : 'rounded-lg border border-slate-200 bg-slate-50 p-4'
        }
      >
        <header className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
          <span className="font-medium text-slate-900">{name}</span>
          {isNote ? (
            <span className="rounded bg-amber-200 px-1.5 py-0.5 text-xs font-semibold uppercase tracking-wide text-amber-900">
              Internal note
            </span>
          ) : (
            <span className="text-xs text-slate-500">{fromCustomer ? 'Customer' : 'Agent'}</span>
          )}
          <span className="ml-auto text-xs text-slate-500">
            <RelativeTime date={message.createdAt} />
            {message.timeSpentMinutes > 0 ? ` · ${message.timeSpentMinutes} min logged` : ''}
          </span>
        </header>
        <MessageBody body={message.body} attachments={message.attachments} />
        <AttachmentLinks attachments={message.attachments} />
        <MailFailureNotice failures={message.mailFailures} />
      </article>
    </li>
  );
}

/** The conversation, oldest first, as the customer and agents wrote it. */
export function TicketThread({ messages }: { messages: ThreadMessage[] }) {
  if (!messages.length) return <p className="text-sm text-slate-500">No messages yet.</p>;
  return (
    <ol aria-label="Conversation" className="space-y-4">
      {messages.map((message) =>
        message.kind === 'system' ? (
          <SystemEvent key={message.id} message={message} />
        ) : (
          <MessageItem key={message.id} message={message} />
        ),
      )}
    </ol>
  );
}

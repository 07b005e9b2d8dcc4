'use client';

import { useEffect, useRef, useState } from 'react';
import { RelativeTime } from '@/components/ticket/relative-time';
import { cn } from '@/lib/utils/cn';
import { AttachmentLinks } from '@/components/ui/attachment-links';
import { MessageBody } from '@/components/ui/message-body';

/** A public reply as portal.ticket returns it: internal notes and system events never reach here. */
export type PortalThreadMessage = {
  id: string;
  authorType: 'agent' | 'customer';
  authorName: string;
  body: string;
  createdAt: Date;
  attachments: Array<{
    id: string;
    filename: string;
    sizeBytes: number;
    contentType: string;
    contentId?: string | null;
  }>;
};

function Message({ message, portalSlug }: { message: PortalThreadMessage; portalSlug: string }) {
  const fromSupport = message.authorType === 'agent';
  const who = fromSupport ? message.authorName : 'You';
  return (
    <li data-author={message.authorType} className={cn('flex', fromSupport ? 'justify-start' : 'justify-end')}>
      <article
        aria-label={fromSupport ? `From ${who} (support)` : 'From you'}
        className={cn(
          'w-full rounded-lg border p-4 sm:w-[85%]',
          fromSupport
            ? 'border-slate-200 border-l-4 border-l-brand bg-white shadow-sm'
            : 'border-slate-200 bg-slate-50',
        )}
      >
        <header className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
          <span className="font-medium text-slate-900">{who}</span>
          {fromSupport ? (
            <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-600">Support</span>
          ) : null}
          <span className="ml-auto text-xs text-slate-500">
            <RelativeTime date={message.createdAt} />
          </span>
        </header>
        <MessageBody body={message.body} attachments={message.attachments} portalSlug={portalSlug} />
        <AttachmentLinks attachments={message.attachments} portalSlug={portalSlug} />
      </article>
    </li>
  );
}

/**
 * Announces replies from support that arrive while the page is open (the page polls), so someone
 * using a screen reader learns of them without re-reading the thread.
 */
function useNewReplyAnnouncement(messages: PortalThreadMessage[]) {
  const seen = useRef<Set<string> | null>(null);
  const [announcement, setAnnouncement] = useState('');
  useEffect(() => {
    if (seen.current) {
      const fresh = messages.filter((m) => m.authorType === 'agent' && !seen.current?.has(m.id));
      if (fresh.length) setAnnouncement(`New reply from ${fresh.at(-1)?.authorName ?? 'support'}.`);
    }
    seen.current = new Set(messages.map((m) => m.id));
  }, [messages]);
  return announcement;
}

/** The conversation, oldest first: support on the left with the brand edge, the customer on the right. */
export function PortalThread({ messages, portalSlug }: { messages: PortalThreadMessage[]; portalSlug: string }) {
  const announcement = useNewReplyAnnouncement(messages);
  return (
    <>
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
      {messages.length ? (
        <ol aria-label="Conversation" className="space-y-4">
          {messages.map((message) => (
            <Message key={message.id} message={message} portalSlug={portalSlug} />
          ))}
        </ol>
      ) : (
        <p className="text-sm text-slate-500">No messages yet.</p>
      )}
    </>
  );
}

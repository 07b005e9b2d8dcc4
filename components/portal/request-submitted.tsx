'use client';

import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { RequestReceivedCard } from './request-received-card';

type Props = {
  ticket: { id: string; displayNumber: string; expectedFirstResponse: string };
  ticketHref: string;
  portalHref: string;
  onSubmitAnother: () => void;
};

/** Shown in place of the form once the request is filed: its number and when to expect an answer. */
export function RequestSubmitted({ ticket, ticketHref, portalHref, onSubmitAnother }: Props) {
  return (
    <RequestReceivedCard
      actions={
        <>
          <Button asChild>
            <Link href={ticketHref}>View your request</Link>
          </Button>
          <Button type="button" variant="secondary" onClick={onSubmitAnother}>
            Submit another request
          </Button>
          <Button asChild variant="ghost">
            <Link href={portalHref}>My tickets</Link>
          </Button>
        </>
      }
    >
      <dl className="grid gap-3 text-sm sm:grid-cols-2">
        <div>
          <dt className="text-slate-500">Request number</dt>
          <dd className="font-mono text-base font-semibold text-slate-900" data-testid="ticket-number">
            {ticket.displayNumber}
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">Expected first response</dt>
          <dd className="text-base font-semibold text-slate-900">{ticket.expectedFirstResponse}</dd>
        </div>
      </dl>
      <p className="text-sm text-slate-600">
        We'll email you when we reply. You can follow the request and add to it at any time.
      </p>
    </RequestReceivedCard>
  );
}

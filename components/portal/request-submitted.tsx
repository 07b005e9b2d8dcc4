'use client';

import Link from 'next/link';
import { useEffect, useRef } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';

type Props = {
  ticket: { id: string; displayNumber: string; expectedFirstResponse: string };
  ticketHref: string;
  portalHref: string;
  onSubmitAnother: () => void;
};

/** Shown in place of the form once the request is filed: its number and when to expect an answer. */
export function RequestSubmitted({ ticket, ticketHref, portalHref, onSubmitAnother }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  // Focus moves here so screen readers announce the outcome instead of silence after the click.
  useEffect(() => heading.current?.focus(), []);

  return (
    <Card className="mx-auto max-w-xl space-y-4">
      <h2 ref={heading} tabIndex={-1} className="text-xl font-semibold focus:outline-none">
        We received your request
      </h2>
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
      <div className="flex flex-col gap-2 sm:flex-row">
        <Button asChild>
          <Link href={ticketHref}>View your request</Link>
        </Button>
        <Button type="button" variant="secondary" onClick={onSubmitAnother}>
          Submit another request
        </Button>
        <Button asChild variant="ghost">
          <Link href={portalHref}>My tickets</Link>
        </Button>
      </div>
    </Card>
  );
}

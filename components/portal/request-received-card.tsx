'use client';

import { useEffect, useRef, type ReactNode } from 'react';
import { Card } from '@/components/ui/card';

/**
 * The confirmation a request form turns into once the request is filed (signed-in and guest alike): the
 * same heading, what happens next (`children`), then what the customer can do now (`actions`).
 */
export function RequestReceivedCard({ children, actions }: { children: ReactNode; actions: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  // Focus moves here so screen readers announce the outcome instead of silence after the click.
  useEffect(() => heading.current?.focus(), []);

  return (
    <Card className="mx-auto max-w-xl space-y-4">
      <h2 ref={heading} tabIndex={-1} className="text-xl font-semibold focus:outline-none">
        We received your request
      </h2>
      {children}
      <div className="flex flex-col gap-2 sm:flex-row">{actions}</div>
    </Card>
  );
}

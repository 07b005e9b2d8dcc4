'use client';

import Link from 'next/link';
import { useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { useLiveTickets } from '@/lib/trpc/use-live-tickets';
import { ShortcutsHelpDialog } from './shortcuts-help-dialog';
import { TicketSearch } from './ticket-search';
import { useHotkeys } from './use-hotkeys';

/**
 * The strip above every agent page: ticket search (`/`), the shortcut overlay (`?`), a way to file a
 * ticket, and the one live-update subscription that keeps lists and open tickets fresh.
 */
export function AgentTopBar() {
  const searchRef = useRef<HTMLInputElement>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  useLiveTickets();
  useHotkeys({
    '/': (event) => {
      event.preventDefault();
      searchRef.current?.focus();
    },
    '?': (event) => {
      event.preventDefault();
      setHelpOpen(true);
    },
  });

  return (
    <div className="mb-6 flex items-center gap-2">
      <TicketSearch ref={searchRef} className="min-w-0 flex-1 sm:max-w-md" />
      <div className="ml-auto flex shrink-0 items-center gap-2">
        <Button
          variant="ghost"
          size="sm"
          onClick={() => setHelpOpen(true)}
          aria-label="Keyboard shortcuts"
          title="Keyboard shortcuts (?)"
        >
          <span aria-hidden="true" className="font-mono">
            ?
          </span>
        </Button>
        <Button asChild size="sm">
          <Link href="/agent/tickets/new">New ticket</Link>
        </Button>
      </div>
      <ShortcutsHelpDialog open={helpOpen} onOpenChange={setHelpOpen} />
    </div>
  );
}

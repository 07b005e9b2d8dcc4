'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Alert, Spinner } from '@/components/ui/card';
import { Input } from '@/components/ui/input';
import { moveActiveOption } from '@/components/ui/listbox-keys';
import { ModalFrame } from '@/components/ui/modal-frame';
import { SkeletonList } from '@/components/ui/skeleton';
import { describeError } from '@/lib/trpc/errors';
import { useTRPC } from '@/lib/trpc/client';
import { cn } from '@/lib/utils/cn';
import type { MacroRow } from './types';

export type AppliedMacro = { body: string; kind: 'reply' | 'note'; updatedAt: Date };

/** Whether applying the macro changes the ticket besides filling the reply box. */
const changesTicket = (macro: MacroRow) =>
  Object.values(macro.actions).some(
    (v) =>
      v !== undefined &&
      !(Array.isArray(v) && v.length === 0) &&
      !(typeof v === 'object' && v && !Object.keys(v).length),
  );

const VISIBILITY_LABELS = { personal: 'Personal', teams: 'Team', everyone: 'Everyone' } as const;

/**
 * The macro picker of the reply box, keyboard first: `m` (or Alt+M while typing) opens it, typing filters,
 * arrows move, Enter applies, Esc closes. Applying runs the macro's actions on the ticket on the server and
 * puts the body, rendered for this ticket, in the reply box to be read and edited; nothing is sent.
 */
export function MacroPicker({
  ticketId,
  open,
  onOpenChange,
  onApplied,
  disabled,
}: {
  ticketId: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onApplied: (macro: AppliedMacro) => void;
  disabled?: boolean;
}) {
  const trpc = useTRPC();
  const id = useId();
  const macros = useQuery(trpc.macro.list.queryOptions());
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const apply = useMutation(
    trpc.macro.applyToTicket.mutationOptions({
      onSuccess: (result) => {
        close();
        onApplied({ body: result.body, kind: result.kind, updatedAt: result.ticket.updatedAt });
      },
    }),
  );
  const matches = useMemo(() => {
    const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
    return (macros.data ?? []).filter((m) => {
      const text = `${m.name} ${m.body}`.toLowerCase();
      return words.every((w) => text.includes(w));
    });
  }, [macros.data, query]);
  const searchRef = useRef<HTMLInputElement>(null);
  // Radix focuses the dialog's first control (its close button); the search box is where typing belongs.
  useEffect(() => {
    if (!open) return;
    const frame = requestAnimationFrame(() => searchRef.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, [open]);
  const current = matches[Math.min(active, matches.length - 1)];

  function close() {
    setQuery('');
    setActive(0);
    apply.reset();
    onOpenChange(false);
  }

  function choose(macro: MacroRow | undefined) {
    if (macro && !apply.isPending) apply.mutate({ macroId: macro.id, ticketId });
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (moveActiveOption(event, matches.length, setActive)) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      choose(current);
    }
  }

  return (
    <>
      <Button
        type="button"
        variant="secondary"
        size="sm"
        disabled={disabled}
        onClick={() => onOpenChange(true)}
        aria-keyshortcuts="m Alt+M"
      >
        Macros
        <kbd className="rounded border border-slate-300 px-1 text-xs text-slate-500">m</kbd>
      </Button>
      <ModalFrame
        placement="centre"
        open={open}
        onOpenChange={(next) => (next ? onOpenChange(true) : close())}
        title="Apply a macro"
        srDescription="Type to filter, move with the arrow keys, Enter applies, Escape closes."
        closeLabel="Close the macro picker"
      >
        <div className="space-y-3">
          <Input
            ref={searchRef}
            role="combobox"
            aria-expanded="true"
            aria-controls={`${id}-list`}
            aria-activedescendant={current ? `${id}-${current.id}` : undefined}
            aria-label="Search macros"
            placeholder="Search macros…"
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setActive(0);
            }}
            onKeyDown={onKeyDown}
          />
          {macros.isPending ? <SkeletonList rows={3} label="Loading macros" /> : null}
          {macros.isError ? <Alert>{describeError(macros.error).message}</Alert> : null}
          {macros.data && !matches.length ? (
            <p className="text-sm text-slate-600">
              {macros.data.length
                ? 'No macro matches that search.'
                : 'No macros yet. Admins add them under Admin → Macros.'}
            </p>
          ) : null}
          <ul id={`${id}-list`} role="listbox" aria-label="Macros" className="max-h-72 space-y-1 overflow-y-auto">
            {matches.map((macro) => (
              // The keyboard drives the list from the search box (aria-activedescendant); a click is the mouse's way.
              // eslint-disable-next-line jsx-a11y/click-events-have-key-events
              <li
                key={macro.id}
                id={`${id}-${macro.id}`}
                role="option"
                aria-selected={macro.id === current?.id}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => choose(macro)}
                className={cn(
                  'cursor-pointer rounded-md px-3 py-2 text-sm',
                  macro.id === current?.id ? 'bg-slate-900 text-white' : 'hover:bg-slate-100',
                )}
              >
                <span className="flex items-center justify-between gap-2">
                  <span className="font-medium">{macro.name}</span>
                  <span className="flex shrink-0 gap-1">
                    {macro.kind === 'note' ? <Badge tone="warning">Note</Badge> : null}
                    <Badge>{VISIBILITY_LABELS[macro.visibility]}</Badge>
                  </span>
                </span>
                <span
                  className={cn(
                    'block truncate text-xs',
                    macro.id === current?.id ? 'text-slate-200' : 'text-slate-500',
                  )}
                >
                  {changesTicket(macro) ? 'Changes the ticket · ' : ''}
                  {macro.body || '(no text)'}
                </span>
              </li>
            ))}
          </ul>
          {apply.isPending ? <Spinner label="Applying the macro" /> : null}
          {apply.error ? <Alert>{describeError(apply.error).message}</Alert> : null}
        </div>
      </ModalFrame>
    </>
  );
}

'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Label } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { describeError } from '@/lib/trpc/errors';
import { useTRPC } from '@/lib/trpc/client';

export type AppliedMacro = { body: string; kind: 'reply' | 'note'; updatedAt: Date };

/**
 * Applies a macro: the server runs its actions on the ticket (status, tags, assignee…) and hands back the
 * body rendered for this ticket, which goes into the reply box to be read and edited, never sent blindly.
 */
export function MacroPicker({
  ticketId,
  onApplied,
  disabled,
}: {
  ticketId: string;
  onApplied: (macro: AppliedMacro) => void;
  disabled?: boolean;
}) {
  const trpc = useTRPC();
  const macros = useQuery(trpc.macro.list.queryOptions());
  const [macroId, setMacroId] = useState('');
  const apply = useMutation(
    trpc.macro.applyToTicket.mutationOptions({
      onSuccess: (result) => {
        setMacroId('');
        onApplied({ body: result.body, kind: result.kind, updatedAt: result.ticket.updatedAt });
      },
    }),
  );
  if (!macros.data?.length) return null;
  const chosen = macros.data.find((m) => m.id === macroId);
  const hasActions = chosen
    ? Object.values(chosen.actions).some((v) => v !== undefined && !(Array.isArray(v) && v.length === 0))
    : false;

  return (
    <div className="space-y-1">
      <div className="flex items-end gap-2">
        <div className="min-w-0 flex-1">
          <Label htmlFor={`macro-${ticketId}`}>Macro</Label>
          <Select
            id={`macro-${ticketId}`}
            value={macroId}
            onChange={(e) => setMacroId(e.target.value)}
            disabled={disabled || apply.isPending}
          >
            <option value="">Choose a macro…</option>
            {macros.data.map((macro) => (
              <option key={macro.id} value={macro.id}>
                {macro.name}
                {macro.shared ? '' : ' (personal)'}
              </option>
            ))}
          </Select>
        </div>
        <Button
          type="button"
          variant="secondary"
          disabled={!macroId || disabled || apply.isPending}
          onClick={() => apply.mutate({ macroId, ticketId })}
        >
          {apply.isPending ? 'Applying…' : 'Apply'}
        </Button>
      </div>
      {hasActions ? (
        <p className="text-xs text-slate-500">
          This macro also changes the ticket (status, tags or assignment) when applied.
        </p>
      ) : null}
      {apply.error ? (
        <p role="alert" className="text-xs text-red-700">
          {describeError(apply.error).message}
        </p>
      ) : null}
    </div>
  );
}

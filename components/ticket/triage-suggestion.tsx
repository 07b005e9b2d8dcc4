'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { Sparkles } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { ErrorAlert } from '@/components/ui/error-alert';
import { useTRPC } from '@/lib/trpc/client';
import { PRIORITY_LABELS } from './ticket-labels';

const percent = (confidence: number) => `${Math.round(confidence * 100)}%`;

/**
 * The classifier's suggestion for this ticket (category, priority, how sure), learnt from the workspace's
 * solved tickets. Nothing changes until the agent accepts; dismissing hides it for everyone.
 */
export function TriageSuggestion({ ticketId, onChanged }: { ticketId: string; onChanged: () => Promise<void> }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.triage.suggestion.queryOptions({ ticketId }));
  const done = { onSuccess: async () => void (await Promise.all([query.refetch(), onChanged()])) };
  const accept = useMutation(trpc.triage.accept.mutationOptions(done));
  const dismiss = useMutation(trpc.triage.dismiss.mutationOptions(done));
  // Viewers cannot act on suggestions: they simply see none.
  if (query.isError) return query.error.data?.code === 'FORBIDDEN' ? null : <ErrorAlert error={query.error} />;
  const suggestion = query.data;
  if (!suggestion) return null;
  const busy = accept.isPending || dismiss.isPending;
  const parts = [
    suggestion.category
      ? `category ${suggestion.category.name} (${percent(suggestion.category.confidence)} sure)`
      : null,
    suggestion.priority
      ? `priority ${PRIORITY_LABELS[suggestion.priority.value]} (${percent(suggestion.priority.confidence)} sure)`
      : null,
  ].filter(Boolean);
  return (
    <section
      aria-label="Triage suggestion"
      className="space-y-2 rounded-md border border-violet-200 bg-violet-50 px-3 py-2 text-sm text-violet-950"
    >
      <p className="flex items-start gap-2">
        <Sparkles aria-hidden="true" className="mt-0.5 h-4 w-4 shrink-0" />
        <span>Suggested from similar solved tickets: {parts.join(' and ')}.</span>
      </p>
      <div className="flex flex-wrap gap-2">
        <Button size="sm" disabled={busy} onClick={() => accept.mutate({ ticketId })}>
          {accept.isPending ? 'Applying…' : 'Accept'}
        </Button>
        {suggestion.category && suggestion.priority ? (
          <Button
            size="sm"
            variant="secondary"
            disabled={busy}
            onClick={() => accept.mutate({ ticketId, priority: false })}
          >
            Category only
          </Button>
        ) : null}
        <Button size="sm" variant="ghost" disabled={busy} onClick={() => dismiss.mutate({ ticketId })}>
          Dismiss
        </Button>
      </div>
      {accept.error || dismiss.error ? <ErrorAlert error={accept.error ?? dismiss.error} /> : null}
    </section>
  );
}

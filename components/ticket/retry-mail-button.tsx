'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button } from '@/components/ui/button';
import { describeError } from '@/lib/trpc/errors';
import { useTRPC } from '@/lib/trpc/client';

/** Queues a failed notification mail again; the ticket reloads to show it gone (or failed anew). */
export function RetryMailButton({ mailId, recipient }: { mailId: string; recipient: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const retry = useMutation(
    trpc.notification.retryMail.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.ticket.get.queryKey() }),
    }),
  );
  return (
    <span className="ml-2 inline-flex items-center gap-2">
      <Button
        variant="secondary"
        size="sm"
        disabled={retry.isPending || retry.isSuccess}
        onClick={() => retry.mutate({ mailId })}
        aria-label={`Send the email to ${recipient} again`}
      >
        {retry.isSuccess ? 'Queued' : 'Retry'}
      </Button>
      {retry.error ? <span>{describeError(retry.error).message}</span> : null}
    </span>
  );
}

'use client';

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Alert, Spinner } from '@/components/ui/card';
import { describeError } from '@/lib/trpc/errors';
import { useTRPC } from '@/lib/trpc/client';
import { useJoinWorkspace } from './use-join-workspace';

/** For someone already signed in as the invited address. */
export function AcceptAsMemberButton({ token }: { token: string }) {
  const trpc = useTRPC();
  const accept = useMutation(trpc.auth.acceptInvitation.mutationOptions());
  const join = useJoinWorkspace();
  const [joining, setJoining] = useState(false);
  const error = accept.error ?? join.error;
  const pending = accept.isPending || joining;

  function onAccept() {
    accept.mutate(
      { token },
      {
        onSuccess: async ({ workspaceId }) => {
          setJoining(true);
          try {
            await join.join(workspaceId);
          } catch {
            // Shown through join.error.
          } finally {
            setJoining(false);
          }
        },
      },
    );
  }

  return (
    <div className="space-y-3">
      {error ? <Alert>{describeError(error).message}</Alert> : null}
      <Button className="w-full" onClick={onAccept} disabled={pending}>
        {pending ? <Spinner label="Joining workspace" /> : null}
        Accept invitation
      </Button>
    </div>
  );
}

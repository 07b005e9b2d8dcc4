'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Alert, Card } from '@/components/ui/card';
import { NewSecretNotice } from '@/components/ui/new-secret-notice';
import { describeError } from '@/lib/trpc/errors';
import { useTRPC } from '@/lib/trpc/client';

/**
 * The secret that signs visitor identities. Rotating keeps the previous secret valid until "End rotation",
 * so the host can deploy the new one first; the secret is shown once, when made.
 */
export function WidgetSecretCard() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const settings = useQuery(trpc.widgetSettings.get.queryOptions());
  const [secret, setSecret] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.widgetSettings.get.queryKey() });
  const rotate = useMutation(
    trpc.widgetSettings.rotateSecret.mutationOptions({
      onSuccess: async (data) => {
        setSecret(data.secret);
        await refresh();
      },
    }),
  );
  const endRotation = useMutation(trpc.widgetSettings.endRotation.mutationOptions({ onSuccess: refresh }));
  const hasSecret = settings.data?.hasSecret ?? false;
  const error = rotate.error ?? endRotation.error;
  return (
    <Card className="space-y-3">
      <h2 className="text-base font-semibold">Identity verification</h2>
      <p className="text-sm text-slate-600">
        Your server signs each user&apos;s id with this secret (HMAC-SHA256, hex) and passes it to{' '}
        <code className="font-mono">Cairn.identify</code>. Only verified visitors see their conversations; with
        verification required, an unsigned or wrongly signed identity is treated as anonymous.
      </p>
      <p className="text-sm">
        {!hasSecret
          ? 'No secret yet: visitors are anonymous and cannot see conversations.'
          : settings.data?.rotating
            ? 'Rotating: the new and the previous secret both verify until you end the rotation.'
            : 'A secret is set.'}
      </p>
      {secret ? <NewSecretNotice secret={secret} /> : null}
      <div className="flex flex-wrap gap-2">
        <Button
          variant={hasSecret ? 'secondary' : 'primary'}
          onClick={() => rotate.mutate()}
          disabled={rotate.isPending}
        >
          {hasSecret ? 'Rotate secret' : 'Generate secret'}
        </Button>
        {settings.data?.rotating ? (
          <Button variant="secondary" onClick={() => endRotation.mutate()} disabled={endRotation.isPending}>
            End rotation
          </Button>
        ) : null}
      </div>
      {error ? <Alert>{describeError(error).message}</Alert> : null}
    </Card>
  );
}

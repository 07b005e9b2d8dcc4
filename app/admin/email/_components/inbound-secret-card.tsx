'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Alert, Card } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { NewSecretNotice } from '@/components/ui/new-secret-notice';
import { describeError } from '@/lib/trpc/errors';
import { useTRPC } from '@/lib/trpc/client';

/**
 * The secret a mail gateway sends to POST /api/inbound/{workspace}. Only its hash is stored, so a new secret
 * is shown once, right after it is made; rotating stops the old one at once.
 */
export function InboundSecretCard({ endpoint, slug }: { endpoint: string; slug: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const status = useQuery(trpc.inboundChannel.secretStatus.queryOptions());
  const [secret, setSecret] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const rotate = useMutation(
    trpc.inboundChannel.rotateSecret.mutationOptions({
      onSuccess: async (data) => {
        setSecret(data.secret);
        setConfirming(false);
        await queryClient.invalidateQueries({ queryKey: trpc.inboundChannel.secretStatus.queryKey() });
      },
    }),
  );
  const configured = status.data?.configured ?? false;

  return (
    <Card className="space-y-4">
      <h2 className="text-base font-semibold">Inbound mail</h2>
      <p className="text-sm text-slate-600">
        Your mail server hands each message to Cairn with <code className="font-mono">POST {endpoint}</code> and the
        header <code className="font-mono">Authorization: Bearer &lt;secret&gt;</code>, or on the same machine with{' '}
        <code className="font-mono">npm run --silent inbound -- {slug} &lt; message.eml</code>.
      </p>
      {status.isError ? <Alert>{describeError(status.error).message}</Alert> : null}
      <p className="text-sm">
        {configured && status.data?.rotatedAt
          ? `A secret is set (made ${new Date(status.data.rotatedAt).toLocaleString()}).`
          : 'No secret yet: the endpoint refuses every message until you make one.'}
      </p>
      {secret ? <NewSecretNotice secret={secret} /> : null}
      {configured ? (
        <ConfirmDialog
          open={confirming}
          onOpenChange={setConfirming}
          trigger={<Button variant="secondary">Rotate secret</Button>}
          title="Rotate the inbound secret?"
          description="The current secret stops working at once: update your mail server with the new one."
          confirmLabel="Rotate"
          onConfirm={() => rotate.mutate()}
          pending={rotate.isPending}
          error={rotate.error ? describeError(rotate.error).message : null}
        />
      ) : (
        <Button onClick={() => rotate.mutate()} disabled={rotate.isPending}>
          Make a secret
        </Button>
      )}
      {!configured && rotate.error ? <Alert>{describeError(rotate.error).message}</Alert> : null}
    </Card>
  );
}

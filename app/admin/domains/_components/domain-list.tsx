'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Alert, EmptyState, Spinner } from '@/components/ui/card';
import { CopyButton } from '@/components/ui/copy-button';
import { ConfirmMutationDialog } from '@/components/ui/confirm-dialog';
import { SkeletonList } from '@/components/ui/skeleton';
import { describeError } from '@/lib/trpc/errors';
import { useTRPC } from '@/lib/trpc/client';

function RemoveDomainButton({ domain }: { domain: { id: string; domain: string } }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const remove = useMutation(
    trpc.domain.remove.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.domain.list.queryKey() }),
    }),
  );
  return (
    <ConfirmMutationDialog
      mutation={remove}
      variables={{ domainId: domain.id }}
      trigger={
        <Button variant="ghost" size="sm" aria-label={`Remove ${domain.domain}`}>
          Remove
        </Button>
      }
      title={`Remove ${domain.domain}?`}
      description="Visitors to this host name will no longer reach your help center. Your DNS record is left as it is; delete it at your DNS provider."
      confirmLabel="Remove domain"
    />
  );
}

/** How long the list is polled after Verify now: the worker's look-up takes seconds, DNS timeouts ten. */
const VERIFY_POLL_MS = 30_000;

type Domain = {
  id: string;
  domain: string;
  verifiedAt: Date | null;
  checkedAt: Date | null;
  checkError: string | null;
  verificationRecord: { name: string; value: string };
};

function VerificationRecord({ domain }: { domain: Domain }) {
  return (
    <div className="space-y-2 rounded-md bg-slate-50 p-3 text-sm">
      <p className="text-slate-700">
        To prove you control this host name, add this record at your DNS provider, then press Verify now.
      </p>
      <dl className="grid grid-cols-[auto_1fr_auto] items-center gap-x-4 gap-y-1">
        <dt className="text-slate-500">Type</dt>
        <dd className="font-mono">TXT</dd>
        <span />
        <dt className="text-slate-500">Name</dt>
        <dd className="break-all font-mono">{domain.verificationRecord.name}</dd>
        <CopyButton value={domain.verificationRecord.name} label="Copy name" />
        <dt className="text-slate-500">Value</dt>
        <dd className="break-all font-mono">{domain.verificationRecord.value}</dd>
        <CopyButton value={domain.verificationRecord.value} label="Copy value" />
      </dl>
    </div>
  );
}

function VerifyButton({ domain, onStarted }: { domain: Domain; onStarted: () => void }) {
  const trpc = useTRPC();
  const verify = useMutation(trpc.domain.verify.mutationOptions({ onSuccess: onStarted }));
  return (
    <>
      <Button
        variant="secondary"
        size="sm"
        disabled={verify.isPending}
        onClick={() => verify.mutate({ domainId: domain.id })}
      >
        {verify.isPending ? <Spinner label="Starting verification" /> : null}
        Verify now
      </Button>
      {verify.error ? <span className="text-xs text-red-700">{describeError(verify.error).message}</span> : null}
    </>
  );
}

export function DomainList() {
  const trpc = useTRPC();
  const [verifyingSince, setVerifyingSince] = useState<number | null>(null);
  const domains = useQuery({
    ...trpc.domain.list.queryOptions(),
    // Polled only after Verify now, until a look-up newer than the click shows or the window ends.
    refetchInterval: (query) => {
      if (verifyingSince === null || Date.now() - verifyingSince > VERIFY_POLL_MS) return false;
      const answered = query.state.data?.some((d) => d.checkedAt && new Date(d.checkedAt).getTime() >= verifyingSince);
      return answered ? false : 2000;
    },
  });

  if (domains.isPending) return <SkeletonList rows={2} label="Loading domains" />;
  if (domains.isError) return <Alert>{describeError(domains.error).message}</Alert>;
  if (domains.data.length === 0) {
    return (
      <EmptyState
        title="No custom domains"
        description="Your help center is reachable at its Cairn address. Connect a domain above to use your own."
      />
    );
  }

  return (
    <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
      {domains.data.map((domain) => (
        <li key={domain.id} className="space-y-2 px-4 py-3">
          <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
            <span className="min-w-0 flex-1 break-all font-mono text-sm text-slate-900">{domain.domain}</span>
            <div className="flex flex-wrap items-center gap-2">
              {domain.verifiedAt ? (
                <Badge tone="success">Verified</Badge>
              ) : (
                <Badge tone="warning">Not verified: not served yet</Badge>
              )}
              <VerifyButton domain={domain} onStarted={() => setVerifyingSince(Date.now())} />
              <RemoveDomainButton domain={domain} />
            </div>
          </div>
          {domain.checkError ? <p className="text-sm text-red-700">{domain.checkError}</p> : null}
          {domain.verifiedAt ? null : <VerificationRecord domain={domain} />}
        </li>
      ))}
    </ul>
  );
}

'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Alert, EmptyState } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { SkeletonList } from '@/components/ui/skeleton';
import { describeError } from '@/lib/trpc/errors';
import { useTRPC } from '@/lib/trpc/client';

function RemoveDomainButton({ domain }: { domain: { id: string; domain: string } }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const remove = useMutation(
    trpc.domain.remove.mutationOptions({
      onSuccess: async () => {
        setOpen(false);
        await queryClient.invalidateQueries({ queryKey: trpc.domain.list.queryKey() });
      },
    }),
  );
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) remove.reset();
      }}
      trigger={
        <Button variant="ghost" size="sm" aria-label={`Remove ${domain.domain}`}>
          Remove
        </Button>
      }
      title={`Remove ${domain.domain}?`}
      description="Visitors to this host name will no longer reach your help center. Your DNS record is left as it is; delete it at your DNS provider."
      confirmLabel="Remove domain"
      onConfirm={() => remove.mutate({ domainId: domain.id })}
      pending={remove.isPending}
      error={remove.error ? describeError(remove.error).message : null}
    />
  );
}

export function DomainList() {
  const trpc = useTRPC();
  const domains = useQuery(trpc.domain.list.queryOptions());

  if (domains.isPending) return <SkeletonList rows={2} label="Loading domains" />;
  if (domains.isError) return <Alert>{describeError(domains.error).message}</Alert>;
  if (domains.data.length === 0) {
    return <EmptyState title="No custom domains" description="Your help center is reachable at its Cairn address. Connect a domain above to use your own." />;
  }

  return (
    <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
      {domains.data.map((domain) => (
        <li key={domain.id} className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center">
          <span className="min-w-0 flex-1 break-all font-mono text-sm text-slate-900">{domain.domain}</span>
          <div className="flex items-center gap-2">
            {domain.verifiedAt ? <Badge tone="success">Verified</Badge> : <Badge tone="warning">Waiting for DNS</Badge>}
            <RemoveDomainButton domain={domain} />
          </div>
        </li>
      ))}
    </ul>
  );
}
